package dev.executor.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.executor.ManagedExecutor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Two threads storing futures under fresh keys, waiting for them and popping them, next
 * to the same work with plain {@code submit}, in the store that {@link #store} names (see
 * {@link Stores}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(2)
public class StoredFuturesBenchmark {

	/**
	 * The store: {@code postgresql} too with {@code -p store=postgresql} and the
	 * database's URL in the system property {@value Stores#POSTGRESQL_URL} of the JMH
	 * JVMs ({@code -jvmArgsAppend}).
	 */
	@Param({ "local", "hazelcast", "h2" })
	public String store;

	private final AtomicLong keys = new AtomicLong();

	private ManagedExecutor executor;

	@Setup(Level.Trial)
	public void setUp() {
		this.executor = Stores.instance(Stores.shared(this.store, Stores.DEFAULT_POLL_INTERVAL));
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		Executors.closeAll();
	}

	@Benchmark
	public Object submitStoredAndPop() throws Exception {
		String key = "job-" + this.keys.incrementAndGet();
		Object result = this.executor.submitStored(key, ThreadExecutorBenchmark::noop).get();
		this.executor.futures().pop(key);
		return result;
	}

	@Benchmark
	public Object submit() throws Exception {
		return this.executor.submit(ThreadExecutorBenchmark::noop).get();
	}

}
