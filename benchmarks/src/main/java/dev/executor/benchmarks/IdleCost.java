package dev.executor.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.io.Serializable;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Measures what an executor with nothing to do costs: the CPU time the application's JVM
 * and each of its worker processes use over {@link #IDLE} after a burst of tasks, once the
 * application's JIT compiler has settled, against the same JVM with no executor at all. CPU times come from the operating
 * system ({@link ProcessHandle.Info#totalCpuDuration()}), in its clock ticks (10 ms on
 * Linux).
 */
final class IdleCost {

	static final Duration IDLE = Duration.ofSeconds(10);

	private static final int BURST = 20_000;

	private static final Duration SETTLE_LIMIT = Duration.ofSeconds(15);

	// serializable, so that the same task runs on a process executor
	private static final Callable<Object> NOOP = (Callable<Object> & Serializable) ThreadExecutorBenchmark::noop;

	private final List<String> lines;

	IdleCost(List<String> lines) {
		this.lines = lines;
	}

	void run() throws Exception {
		this.lines.add("");
		this.lines.add("== idle cost: CPU time over " + IDLE.toSeconds() + "s idle after a burst of " + BURST
				+ " tasks and the compiler settling, 2 workers (ms, lower is better)");
		this.lines.add(String.format(Locale.ROOT, "  %-28s %12s %12s", "", "application", "each worker"));
		row("no executor", null);
		row("raw ThreadPoolExecutor", () -> Executors.create("raw", 2));
		row("thread", () -> Executors.create("managed", 2));
		row("process", () -> Executors.process(2));
	}

	private void row(String name, @Nullable Supplier<ExecutorService> kind) throws Exception {
		ExecutorService executor = (kind != null) ? kind.get() : null;
		try {
			if (executor != null) {
				burst(executor);
				burst(executor);
			}
			awaitCompilerIdle();
			List<ProcessHandle> processes = new ArrayList<>();
			processes.add(ProcessHandle.current());
			if (executor != null) {
				ProcessHandle.current().children().forEach(processes::add);
			}
			double[] before = cpuMillis(processes);
			Thread.sleep(IDLE.toMillis());
			double[] after = cpuMillis(processes);
			StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-28s %12.1f", name, after[0] - before[0]));
			for (int i = 1; i < after.length; i++) {
				// a process that ended meanwhile, such as a worker of an earlier pool, is no
				// worker of this one
				if (before[i] >= 0 && after[i] >= 0 && processes.get(i).isAlive()) {
					row.append(String.format(Locale.ROOT, " %12.1f", after[i] - before[i]));
				}
			}
			this.lines.add(row.toString());
		}
		finally {
			if (executor != null) {
				executor.shutdown();
				executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			Executors.closeAll();
		}
	}

	// tasks at once, then one at a time, so that both the queue and the hand-off paths ran
	private static void burst(ExecutorService executor) throws Exception {
		List<Future<?>> futures = new ArrayList<>(BURST);
		for (int i = 0; i < BURST; i++) {
			futures.add(executor.submit(NOOP));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		for (int i = 0; i < BURST / 10; i++) {
			executor.submit(NOOP).get();
		}
	}

	// the compiler finishing what the burst made hot is the burst's cost, not the idle
	// executor's: the window starts once it has compiled nothing for a second
	private static void awaitCompilerIdle() throws InterruptedException {
		CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
		long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
		long compiled = compiler.getTotalCompilationTime();
		do {
			Thread.sleep(1000);
			long now = compiler.getTotalCompilationTime();
			if (now == compiled) {
				return;
			}
			compiled = now;
		}
		while (System.nanoTime() - deadline < 0);
	}

	private static double[] cpuMillis(List<ProcessHandle> processes) {
		double[] millis = new double[processes.size()];
		for (int i = 0; i < millis.length; i++) {
			millis[i] = cpuMillis(processes.get(i));
		}
		return millis;
	}

	// Linux counts each thread's CPU time in nanoseconds in its schedstat; elsewhere the
	// operating system's figure for the process, in clock ticks, has to do
	private static double cpuMillis(ProcessHandle process) {
		Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
		if (Files.isDirectory(tasks)) {
			try (Stream<Path> threads = Files.list(tasks)) {
				return threads.mapToLong(IdleCost::runNanos).sum() / 1e6;
			}
			catch (IOException | UncheckedIOException ex) {
				return -1;
			}
		}
		return process.info().totalCpuDuration().map((cpu) -> cpu.toNanos() / 1e6).orElse(-1.0);
	}

	private static long runNanos(Path thread) {
		try {
			return Long.parseLong(Files.readString(thread.resolve("schedstat")).split(" ")[0]);
		}
		catch (IOException ex) {
			// the thread ended
			return 0;
		}
	}

}
