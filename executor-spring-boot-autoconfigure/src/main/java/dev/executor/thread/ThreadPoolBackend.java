package dev.executor.thread;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.executor.ExecutorSpec;
import dev.executor.spi.ExecutorBackend;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The {@code thread} executor type: a pool of {@code max-workers} platform threads in
 * front of a queue of {@code queue-capacity} tasks, named by Spring's
 * {@link CustomizableThreadFactory}. Idle threads end after a minute and are started
 * again on demand.
 * <p>
 * The pool is a plain {@link ThreadPoolExecutor}, not the one inside Spring's
 * {@code ThreadPoolTaskExecutor}: the latter takes a lock shared by all its threads
 * before and after every task for its pause and stop support, which the managed
 * executor does not use (it stops and drains the pool itself), and which costs more than
 * the rest of a short task's hand-off when many are submitted at once.
 */
public class ThreadPoolBackend implements ExecutorBackend {

	/**
	 * The name of this type.
	 */
	public static final String NAME = "thread";

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * Return {@code min(32, processors + 4)}: enough threads to overlap some blocking
	 * with computation, bounded so that large machines do not start hundreds of threads.
	 * @return the default maximum number of workers
	 */
	@Override
	public int defaultMaxWorkers() {
		return Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
	}

	@Override
	public ExecutorService create(ExecutorSpec spec) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(spec.maxWorkers(), spec.maxWorkers(), KEEP_ALIVE.toSeconds(),
				TimeUnit.SECONDS, queue(spec.queueCapacity()), threadFactory(spec));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/**
	 * Return the factory of the threads of the given executor's pool.
	 * @param spec the executor's settings
	 * @return a factory of platform threads named after the thread name prefix
	 */
	protected ThreadFactory threadFactory(ExecutorSpec spec) {
		return new CustomizableThreadFactory(spec.threadNamePrefix());
	}

	// as Spring's ThreadPoolTaskExecutor: no capacity means hand-off only
	private static BlockingQueue<Runnable> queue(@Nullable Integer capacity) {
		if (capacity == null) {
			return new LinkedBlockingQueue<>();
		}
		return (capacity > 0) ? new LinkedBlockingQueue<>(capacity) : new SynchronousQueue<>();
	}

	@Override
	public String toString() {
		return "built-in executor type '" + NAME + "'";
	}

}
