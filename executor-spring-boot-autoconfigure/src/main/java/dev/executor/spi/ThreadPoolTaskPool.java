package dev.executor.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The {@link TaskPool} view of a {@link ThreadPoolExecutor}, read through its queue.
 */
final class ThreadPoolTaskPool implements TaskPool {

	private final ThreadPoolExecutor pool;

	ThreadPoolTaskPool(ThreadPoolExecutor pool) {
		this.pool = pool;
	}

	@Override
	public OptionalInt poolSize() {
		return OptionalInt.of(this.pool.getPoolSize());
	}

	@Override
	public int queueSize() {
		return this.pool.getQueue().size();
	}

	@Override
	public boolean isQueueFull() {
		return this.pool.getQueue().remainingCapacity() == 0;
	}

	@Override
	public boolean isFull() {
		return this.pool.getActiveCount() >= this.pool.getMaximumPoolSize() && isQueueFull();
	}

	@Override
	public boolean remove(Runnable task) {
		return this.pool.remove(task);
	}

	@Override
	public List<Runnable> drainQueue() {
		List<Runnable> queued = new ArrayList<>();
		// one pass over the queue, where removing the tasks one by one would search it for
		// each
		this.pool.getQueue().drainTo(queued);
		return queued;
	}

}
