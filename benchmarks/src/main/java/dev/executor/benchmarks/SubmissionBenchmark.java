package dev.executor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.executor.ManagedExecutor;
import dev.executor.context.ContextPropagation;
import dev.executor.context.TaskContext;

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

/**
 * What the submitting thread itself spends on each task of
 * {@link ThreadExecutorBenchmark#batch() the batch}, which runs at that thread's pace
 * when there is no context to copy: {@code submit} hands 100,000 no-op tasks to a pool
 * whose 2 workers are both held, so that its queue takes them all while no worker runs,
 * wakes or competes for the processors; {@code capture} captures the submitting thread's
 * context alone, as each submission does; {@code restore} restores a capture on a thread
 * that holds nothing and puts that back, as a worker does around each task. Not part of
 * the report: it explains the batch's rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SubmissionBenchmark {

	/**
	 * A pool whose workers are held while the benchmark submits, and let go after it.
	 */
	@State(Scope.Thread)
	public static class HeldPool {

		@Param({ "raw", "managed", "managed-no-context" })
		public String executor;

		@Param({ "false", "true" })
		public boolean requestContext;

		ExecutorService service;

		final List<Future<?>> submitted = new ArrayList<>(ThreadExecutorBenchmark.BATCH);

		private final List<Future<?>> holding = new ArrayList<>(2);

		private CountDownLatch release = new CountDownLatch(0);

		@Setup(Level.Trial)
		public void setUp() {
			this.service = Executors.create(this.executor, 2);
			if (this.requestContext) {
				Contexts.enterRequest();
			}
		}

		@Setup(Level.Invocation)
		public void holdWorkers() throws InterruptedException {
			CountDownLatch held = new CountDownLatch(2);
			CountDownLatch release = new CountDownLatch(1);
			this.release = release;
			for (int i = 0; i < 2; i++) {
				this.holding.add(this.service.submit(() -> {
					held.countDown();
					release.await();
					return null;
				}));
			}
			held.await();
		}

		@TearDown(Level.Invocation)
		public void releaseWorkers() throws Exception {
			this.release.countDown();
			for (Future<?> future : this.holding) {
				future.get();
			}
			for (Future<?> future : this.submitted) {
				future.get();
			}
			this.holding.clear();
			this.submitted.clear();
		}

		@TearDown(Level.Trial)
		public void tearDown() throws InterruptedException {
			Contexts.leaveRequest();
			Executors.close(this.service);
		}

	}

	/**
	 * How an executor captures the submitting thread's context.
	 */
	@State(Scope.Thread)
	public static class Capturing {

		@Param({ "managed", "managed-no-context" })
		public String propagation;

		@Param({ "false", "true" })
		public boolean withRequest;

		ContextPropagation contextPropagation;

		@Setup(Level.Trial)
		public void setUp() {
			ManagedExecutor executor = (ManagedExecutor) Executors.create(this.propagation, 2);
			this.contextPropagation = Executors.contextPropagation(executor);
			if (this.withRequest) {
				Contexts.enterRequest();
			}
		}

		@TearDown(Level.Trial)
		public void tearDown() {
			Contexts.leaveRequest();
			Executors.closeAll();
		}

	}

	/**
	 * A context captured on the benchmark's thread, which then leaves the request, so
	 * that the thread holds nothing when it restores the capture, as a pool's worker does.
	 */
	@State(Scope.Thread)
	public static class Restoring {

		TaskContext context;

		@Setup(Level.Trial)
		public void setUp(Capturing capturing) {
			this.context = capturing.contextPropagation.capture();
			Contexts.leaveRequest();
		}

	}

	@Benchmark
	@OperationsPerInvocation(ThreadExecutorBenchmark.BATCH)
	public int submit(HeldPool pool) {
		for (int i = 0; i < ThreadExecutorBenchmark.BATCH; i++) {
			pool.submitted.add(pool.service.submit(ThreadExecutorBenchmark::noop));
		}
		return pool.submitted.size();
	}

	@Benchmark
	public TaskContext capture(Capturing capturing) {
		return capturing.contextPropagation.capture();
	}

	// what a worker does around each task for its context: restore the capture, then put
	// back what the thread held
	@Benchmark
	public void restore(Restoring restoring) {
		try (TaskContext.Scope scope = restoring.context.restore()) {
			ThreadExecutorBenchmark.noop();
		}
	}

}
