package dev.executor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * A no-op task on each executor: one at a time (submit, then get) and 100,000 submitted at
 * once, without and with a request, an authenticated user and MDC entries on the
 * submitting thread. Every executor has 2 workers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ThreadExecutorBenchmark {

	static final int BATCH = 100_000;

	@Param({ "raw", "spring", "managed", "managed-no-context" })
	public String executor;

	@Param({ "false", "true" })
	public boolean requestContext;

	private ExecutorService service;

	private final List<Future<?>> futures = new ArrayList<>(BATCH);

	@Setup(Level.Trial)
	public void setUp() {
		this.service = Executors.create(this.executor, 2);
		if (this.requestContext) {
			Contexts.enterRequest();
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() throws InterruptedException {
		Contexts.leaveRequest();
		Executors.close(this.service);
	}

	@Benchmark
	public Object roundTrip() throws Exception {
		return this.service.submit(ThreadExecutorBenchmark::noop).get();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public Object batch() throws Exception {
		this.futures.clear();
		for (int i = 0; i < BATCH; i++) {
			this.futures.add(this.service.submit(ThreadExecutorBenchmark::noop));
		}
		Object last = null;
		for (Future<?> future : this.futures) {
			last = future.get();
		}
		return last;
	}

	static Object noop() {
		return Boolean.TRUE;
	}

}
