package dev.executor.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.executor.ManagedExecutor;
import dev.executor.TaskOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * A task that fails once, then succeeds: retried by the executor, against Spring's
 * {@link RetryTemplate} inside a task of a plain pool, both with 2 workers and the same
 * policy. {@code roundTrip} waits for each task with no back-off, and so measures what a
 * retry costs; {@code batch} submits tasks at once with a back-off of {@value #BACK_OFF_MILLIS}ms,
 * where the template holds a worker for each back-off and the executor does not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RetryBenchmark {

	static final int BATCH = 200;

	static final long BACK_OFF_MILLIS = 5;

	@Param({ "template", "managed" })
	public String retrier;

	private ExecutorService service;

	private RetryTemplate immediate;

	private RetryTemplate delayed;

	private ExecutorService delayedService;

	@Setup(Level.Trial)
	public void setUp() {
		if ("template".equals(this.retrier)) {
			this.service = rawPool();
			this.delayedService = this.service;
			this.immediate = new RetryTemplate(RetryPolicy.builder().maxRetries(1).delay(Duration.ZERO).build());
			this.delayed = new RetryTemplate(
					RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(BACK_OFF_MILLIS)).build());
		}
		else {
			// each retried attempt logs at WARN; the template logs at DEBUG
			ManagedExecutor executor = Executors.managed("thread", 2, "executor.context.propagate=false",
					"executor.retry.max-retries=1", "executor.retry.delay=0s", "logging.level.dev.executor.tasks=error");
			this.service = executor;
			this.delayedService = executor.with(TaskOptions.retry(
					RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(BACK_OFF_MILLIS)).build()));
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.service.shutdownNow();
		Executors.closeAll();
	}

	@Benchmark
	public Object roundTrip() throws Exception {
		return this.service.submit(task(this.immediate)).get();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public Object batch() throws Exception {
		List<Future<Object>> futures = new ArrayList<>(BATCH);
		for (int i = 0; i < BATCH; i++) {
			futures.add(this.delayedService.submit(task(this.delayed)));
		}
		Object last = null;
		for (Future<Object> future : futures) {
			last = future.get();
		}
		return last;
	}

	private static ExecutorService rawPool() {
		return new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
	}

	// a fresh task fails on its first call; the template, when there is one, retries it
	// inside the pool's task
	private static Callable<Object> task(RetryTemplate template) {
		FailsOnce failsOnce = new FailsOnce();
		if (template == null) {
			return failsOnce;
		}
		return () -> {
			try {
				return template.execute(failsOnce::call);
			}
			catch (RetryException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	private static final class FailsOnce implements Callable<Object> {

		private boolean failed;

		@Override
		public Object call() {
			if (!this.failed) {
				this.failed = true;
				throw new IllegalStateException("passing failure");
			}
			return Boolean.TRUE;
		}

	}

}
