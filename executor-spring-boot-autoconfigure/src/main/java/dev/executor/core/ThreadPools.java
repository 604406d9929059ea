package dev.executor.core;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.executor.ExecutorSpec;
import dev.executor.spi.TaskQueues;

/**
 * Creates the plain pool of threads that executor types share: the {@code thread} type,
 * and the {@code process} type inside a worker process, where workers must not start
 * workers.
 * <p>
 * The pool is a plain {@link ThreadPoolExecutor}, not the one inside Spring's
 * {@code ThreadPoolTaskExecutor}: the latter takes a lock shared by all its threads
 * before and after every task for its pause and stop support, which the managed
 * executor does not use (it stops and drains the pool itself), and which costs more than
 * the rest of a short task's hand-off when many are submitted at once.
 */
public final class ThreadPools {

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

	private ThreadPools() {
	}

	/**
	 * Create a pool of {@code max-workers} threads in front of a queue of
	 * {@code queue-capacity} tasks. Idle threads end after a minute and are started again
	 * on demand.
	 * @param spec the executor's settings
	 * @param threadFactory the factory of the pool's threads
	 * @return the pool
	 */
	public static ThreadPoolExecutor create(ExecutorSpec spec, ThreadFactory threadFactory) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(spec.maxWorkers(), spec.maxWorkers(), KEEP_ALIVE.toSeconds(),
				TimeUnit.SECONDS, TaskQueues.forCapacity(spec.queueCapacity()), threadFactory);
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

}
