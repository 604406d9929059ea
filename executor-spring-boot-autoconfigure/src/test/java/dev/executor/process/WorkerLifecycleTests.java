package dev.executor.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.TaskTimeoutException;
import dev.executor.spi.InvalidExecutorPropertyException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the lives of worker processes: ended on timeout and cancel, replaced after
 * their share of tasks, stopped when idle, started up front or on demand, and all ended
 * when the executor closes.
 */
class WorkerLifecycleTests {

	@TempDir
	Path tempDir;

	private final List<ManagedExecutor> executors = new ArrayList<>();

	@AfterEach
	void closeExecutors() {
		this.executors.forEach(ManagedExecutor::close);
	}

	@Test
	void timedOutTaskShouldEndItsWorkerAndLeaveThePoolWorking() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=1");
		Path pidFile = this.tempDir.resolve("slow.pid");
		String path = pidFile.toString();
		FutureProxy<Object> slow = executor.submit(() -> WorkerTasks.reportPidAndBlock(path), Duration.ofSeconds(1));
		long pid = WorkerTasks.awaitPid(pidFile);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> slow.get(20, TimeUnit.SECONDS))
			.withCauseInstanceOf(TaskTimeoutException.class);
		WorkerTasks.awaitEnded(pid);
		assertThat(executor.submit(() -> ProcessHandle.current().pid()).get(20, TimeUnit.SECONDS)).isNotEqualTo(pid);
	}

	@Test
	void cancellingARunningTaskShouldEndItsWorker() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=1");
		Path pidFile = this.tempDir.resolve("cancelled.pid");
		String path = pidFile.toString();
		FutureProxy<Object> running = executor.submit(() -> WorkerTasks.reportPidAndBlock(path));
		long pid = WorkerTasks.awaitPid(pidFile);
		assertThat(running.cancel(true)).isTrue();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(running::get);
		WorkerTasks.awaitEnded(pid);
		assertThat(executor.submit(() -> "next").get(20, TimeUnit.SECONDS)).isEqualTo("next");
	}

	@Test
	void workerShouldBeReplacedAfterMaxTasksPerWorker() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=1",
				"executor.process.max-tasks-per-worker=2");
		List<Long> pids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			pids.add(executor.submit(() -> ProcessHandle.current().pid()).get(20, TimeUnit.SECONDS));
		}
		assertThat(pids.get(1)).isEqualTo(pids.get(0));
		assertThat(pids.get(3)).isEqualTo(pids.get(2));
		assertThat(pids.subList(0, 5).stream().distinct()).hasSize(3);
		WorkerTasks.awaitEnded(pids.get(0));
	}

	@Test
	void idleWorkerShouldStopAndStartAgainWhenNeeded() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=1",
				"executor.process.idle-timeout=300ms");
		long first = executor.submit(() -> ProcessHandle.current().pid()).get(20, TimeUnit.SECONDS);
		WorkerTasks.awaitEnded(first);
		assertThat(pool(executor).workerProcesses()).isEmpty();
		long second = executor.submit(() -> ProcessHandle.current().pid()).get(20, TimeUnit.SECONDS);
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void workersShouldStartWithTheExecutorByDefault() {
		ManagedExecutor executor = create("executor.max-workers=2");
		assertThat(pool(executor).workerProcesses()).hasSize(2).allMatch(ProcessHandle::isAlive);
	}

	@Test
	void workersShouldStartWithTheFirstTasksWhenPrestartIsOff() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=2", "executor.process.prestart=false");
		assertThat(pool(executor).workerProcesses()).isEmpty();
		executor.submit(() -> "started").get(20, TimeUnit.SECONDS);
		assertThat(pool(executor).workerProcesses()).hasSize(1);
	}

	@Test
	void closeShouldEndAWorkerThatNeverFinishesStarting() throws Exception {
		Path pauseFile = this.tempDir.resolve("paused");
		// the worker JVM waits for this file to go away before it runs anything
		ManagedExecutor executor = create("executor.max-workers=1", "executor.process.prestart=false",
				"executor.shutdown.await-termination-period=100ms",
				"executor.process.jvm-args=-XX:+UnlockDiagnosticVMOptions,-XX:+PauseAtStartup,-XX:PauseAtStartupFile="
						+ pauseFile);
		FutureProxy<String> future = executor.submit(() -> "never");
		Awaitility.await().until(() -> Files.exists(pauseFile));
		executor.close();
		assertThat(future.isCancelled()).isTrue();
		Awaitility.await().until(() -> pool(executor).isTerminated());
	}

	@Test
	void workerThatCannotStartShouldFailStartUpNamingTheJvmArgs() {
		assertThatExceptionOfType(InvalidExecutorPropertyException.class)
			.isThrownBy(() -> create("executor.max-workers=1", "executor.process.jvm-args=-XX:+NoSuchOption"))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("executor.process.jvm-args");
				assertThat(ex.getValue()).isEqualTo(List.of("-XX:+NoSuchOption"));
				assertThat(ex.getReason()).isEqualTo("worker process default-worker-1 ended with exit code 1 while "
						+ "starting: Unrecognized VM option 'NoSuchOption' / Error: Could not create the Java Virtual "
						+ "Machine. / Error: A fatal exception has occurred. Program will exit.");
			});
	}

	@Test
	void workerWhoseJvmWritesToStandardOutputShouldFailStartUpSayingSo() {
		assertThatExceptionOfType(InvalidExecutorPropertyException.class)
			.isThrownBy(() -> create("executor.max-workers=1", "executor.process.jvm-args=-Xlog:gc:stdout"))
			.satisfies((ex) -> assertThat(ex.getReason()).startsWith("a worker process could not start: ")
				.contains("wrote something other than results to its standard output")
				.endsWith("make sure no option in executor.process.jvm-args (such as an -Xlog without an output) "
						+ "and no native code writes to it"));
	}

	@Test
	void closeShouldEndEveryWorkerAndEveryFuture() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=1",
				"executor.shutdown.await-termination-period=200ms");
		Path pidFile = this.tempDir.resolve("running.pid");
		String path = pidFile.toString();
		FutureProxy<Object> running = executor.submit(() -> WorkerTasks.reportPidAndBlock(path));
		FutureProxy<String> queued = executor.submit(() -> "queued");
		long pid = WorkerTasks.awaitPid(pidFile);
		executor.close();
		assertThat(running).isCancelled();
		assertThat(queued).isCancelled();
		WorkerTasks.awaitEnded(pid);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pool(executor).isTerminated());
		assertThat(pool(executor).workerProcesses()).isEmpty();
	}

	@Test
	void closeShouldWaitForAReplacedWorkerThatIsStillEnding() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=1", "executor.process.max-tasks-per-worker=1");
		// the worker is replaced after this task, and then does not end when asked to
		long replaced = executor.submit(WorkerTasks::blockExit).get(20, TimeUnit.SECONDS);
		assertClosedWithWorkerEnded(executor, replaced);
	}

	@Test
	void closeShouldWaitForTheWorkerOfAThreadThatEndedIdle() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=1", "executor.process.idle-timeout=200ms");
		long stopped = executor.submit(WorkerTasks::blockExit).get(20, TimeUnit.SECONDS);
		// the idle thread ends and stops its worker, which does not end when asked to
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> pool(executor).getPoolSize() == 0);
		assertClosedWithWorkerEnded(executor, stopped);
	}

	@Test
	void terminationShouldStopWorkersAndWaitForThemOnAPoolThreadThatShutdownInterrupted() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=1");
		executor.submit(() -> "ran").get(20, TimeUnit.SECONDS);
		ProcessPool pool = pool(executor);
		List<WorkerProcess> workers = pool.workers();
		// the pool's last thread runs the hook, and shutdown() interrupts idle threads; a
		// pool thread starts a worker of its own before it runs, which the hook ends too
		assertThat(terminateOnInterruptedThread(pool, pool, "last-pool-thread")).isTrue();
		assertThat(workers).singleElement().satisfies((worker) -> {
			assertThat(worker.wasKilled()).as("killed").isFalse();
			assertThat(worker.handle().isAlive()).as("alive").isFalse();
		});
	}

	@Test
	void terminationShouldKillWorkersAtOnceOnAnInterruptedCallersThread() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=1");
		long pid = executor.submit(() -> ProcessHandle.current().pid()).get(20, TimeUnit.SECONDS);
		ProcessPool pool = pool(executor);
		List<WorkerProcess> workers = pool.workers();
		// shutdown() runs the hook on its caller's thread when the pool has no thread left
		Thread.currentThread().interrupt();
		try {
			pool.terminated();
		}
		finally {
			assertThat(Thread.interrupted()).isTrue();
		}
		assertThat(workers).singleElement().satisfies((worker) -> assertThat(worker.wasKilled()).isTrue());
		WorkerTasks.awaitEnded(pid);
	}

	@Test
	void terminationShouldKillWorkersAtOnceOnAnInterruptedThreadOfAnotherPool() throws Exception {
		ManagedExecutor executor = create("executor.max-workers=1");
		long pid = executor.submit(() -> ProcessHandle.current().pid()).get(20, TimeUnit.SECONDS);
		ProcessPool pool = pool(executor);
		List<WorkerProcess> workers = pool.workers();
		// such as a callback of a future of another process executor that closes this one
		ProcessPool other = pool(create("executor.max-workers=1"));
		assertThat(terminateOnInterruptedThread(pool, other, "other-pool-thread")).isTrue();
		assertThat(workers).singleElement().satisfies((worker) -> assertThat(worker.wasKilled()).isTrue());
		WorkerTasks.awaitEnded(pid);
	}

	// runs the pool's termination hook on a new, interrupted thread of the given pool, and
	// answers whether that thread still has its interrupt afterwards
	private static boolean terminateOnInterruptedThread(ProcessPool pool, ProcessPool threadOf, String name)
			throws InterruptedException {
		AtomicBoolean interruptedAfter = new AtomicBoolean();
		WorkerThread thread = new WorkerThread(threadOf, () -> {
			Thread.currentThread().interrupt();
			pool.terminated();
			interruptedAfter.set(Thread.currentThread().isInterrupted());
		}, name);
		thread.start();
		thread.join(Duration.ofSeconds(20).toMillis());
		assertThat(thread.isAlive()).isFalse();
		return interruptedAfter.get();
	}

	private static void assertClosedWithWorkerEnded(ManagedExecutor executor, long pid) {
		ProcessHandle worker = ProcessHandle.of(pid).orElseThrow();
		try {
			assertThat(worker.isAlive()).isTrue();
			executor.close();
			assertThat(pool(executor).isTerminated()).isTrue();
			assertThat(worker.isAlive()).as("worker process %d alive after close", pid).isFalse();
		}
		finally {
			worker.destroyForcibly();
		}
	}

	private ManagedExecutor create(String... properties) {
		ManagedExecutor executor = TestProcessExecutors.create(properties);
		this.executors.add(executor);
		return executor;
	}

	private static ProcessPool pool(ManagedExecutor executor) {
		return executor.pool(ProcessPool.class).orElseThrow();
	}

}
