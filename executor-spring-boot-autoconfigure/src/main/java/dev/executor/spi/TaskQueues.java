package dev.executor.spi;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The queue of a pool from the {@code queue-capacity} of its executor, read as Spring's
 * {@code ThreadPoolTaskExecutor} reads it: unset means unbounded, zero means hand-off
 * only, with no room for a waiting task.
 *
 * @since 0.1.0
 */
public final class TaskQueues {

	private TaskQueues() {
	}

	/**
	 * Return a {@link LinkedBlockingQueue} of the given capacity.
	 * @param capacity the queue capacity, {@code null} for unbounded
	 * @return the queue
	 */
	public static BlockingQueue<Runnable> forCapacity(@Nullable Integer capacity) {
		return forCapacity(capacity, LinkedBlockingQueue::new, LinkedBlockingQueue::new);
	}

	/**
	 * Return a queue of the given capacity, of the pool's own kind.
	 * @param capacity the queue capacity, {@code null} for unbounded
	 * @param bounded creates a queue of a given positive capacity
	 * @param unbounded creates an unbounded queue
	 * @return the queue
	 */
	public static BlockingQueue<Runnable> forCapacity(@Nullable Integer capacity,
			IntFunction<? extends BlockingQueue<Runnable>> bounded,
			Supplier<? extends BlockingQueue<Runnable>> unbounded) {
		if (capacity == null) {
			return unbounded.get();
		}
		return (capacity > 0) ? bounded.apply(capacity) : new SynchronousQueue<>();
	}

}
