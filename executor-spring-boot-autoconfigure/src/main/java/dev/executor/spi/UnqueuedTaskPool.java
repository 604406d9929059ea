package dev.executor.spi;

import java.util.List;
import java.util.OptionalInt;

/**
 * The {@link TaskPool} view of a pool whose queue, if it has one, the executor cannot
 * see: never full, and nothing to take out of it.
 */
final class UnqueuedTaskPool implements TaskPool {

	static final UnqueuedTaskPool INSTANCE = new UnqueuedTaskPool();

	private UnqueuedTaskPool() {
	}

	@Override
	public OptionalInt poolSize() {
		return OptionalInt.empty();
	}

	@Override
	public int queueSize() {
		return 0;
	}

	@Override
	public boolean isQueueFull() {
		return false;
	}

	@Override
	public boolean isFull() {
		return false;
	}

	@Override
	public boolean remove(Runnable task) {
		return false;
	}

	@Override
	public List<Runnable> drainQueue() {
		return List.of();
	}

}
