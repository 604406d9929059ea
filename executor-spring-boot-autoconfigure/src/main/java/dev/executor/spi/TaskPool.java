package dev.executor.spi;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

import dev.executor.ExecutorSpec;

/**
 * What a managed executor needs to know of the queue of the pool that runs its tasks: how
 * full it is, how to take out a task cancelled before it started, how to empty it when
 * the executor stops, and why it rejected a task.
 * <p>
 * A pool that an {@link ExecutorBackend} creates implements this interface when its
 * queue is not that of a {@link ThreadPoolExecutor}. Every other pool is seen through
 * {@link #of(ExecutorService)}: a {@code ThreadPoolExecutor}, subclasses included,
 * through its own queue, and any other pool as one without a queue that the executor
 * could see into.
 *
 * @since 0.1.0
 */
public interface TaskPool {

	/**
	 * Return the number of workers the pool holds now, idle or busy.
	 * @return the pool size, or empty if the pool does not say
	 */
	OptionalInt poolSize();

	/**
	 * Return the number of tasks in the queue.
	 * @return the number of queued tasks
	 */
	int queueSize();

	/**
	 * Whether the queue has no room left for another task.
	 * @return whether the queue is at its capacity
	 */
	boolean isQueueFull();

	/**
	 * Whether all workers are busy and the queue has no room left.
	 * @return whether the pool is full
	 */
	boolean isFull();

	/**
	 * Take a task that was cancelled before it started out of the queue, so that it
	 * holds no room there.
	 * @param task the task, as the pool was given it
	 * @return whether the task was in the queue
	 */
	boolean remove(Runnable task);

	/**
	 * Take every task that has not started out of the queue, at once.
	 * @return the tasks taken out
	 */
	List<Runnable> drainQueue();

	/**
	 * Explain why the pool rejected a task of the given executor, saying what to change.
	 * Called only while the executor is running: a rejection at shutdown is explained by
	 * the executor itself.
	 * @param spec the executor's settings
	 * @param ex the rejection as the pool threw it
	 * @return the rejection to throw to the submitter
	 */
	default RejectedExecutionException rejection(ExecutorSpec spec, RejectedExecutionException ex) {
		if (isQueueFull()) {
			String prefix = spec.propertyPrefix();
			return new RejectedExecutionException("Executor '" + spec.name() + "' is full: all " + spec.maxWorkers()
					+ " workers are busy and its queue holds " + queueSize() + " tasks (queue-capacity "
					+ spec.queueCapacity() + "); raise " + prefix + ".queue-capacity or " + prefix
					+ ".max-workers, or submit fewer tasks at once", ex);
		}
		return new RejectedExecutionException("Executor '" + spec.name() + "' rejected a task: " + ex.getMessage(),
				ex);
	}

	/**
	 * Return how to see the queue of the given pool.
	 * @param pool the pool
	 * @return the pool itself if it implements this interface, otherwise a view of it
	 */
	static TaskPool of(ExecutorService pool) {
		if (pool instanceof TaskPool taskPool) {
			return taskPool;
		}
		if (pool instanceof ThreadPoolExecutor threadPool) {
			return new ThreadPoolTaskPool(threadPool);
		}
		return UnqueuedTaskPool.INSTANCE;
	}

}
