package dev.executor.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attempts of one executor that wait outside its pool, for a retry back-off to
 * pass or for a place in a throttle: no worker holds them, so the executor's pool does
 * not know them, and they end cancelled here when the executor shuts down.
 */
final class WaitingTasks {

	private final Set<ManagedTask<?>> tasks = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	/**
	 * Note that an attempt waits, unless the executor shut down, in which case its
	 * future ends cancelled now.
	 * @param task the attempt
	 * @return whether it waits
	 */
	boolean add(ManagedTask<?> task) {
		this.tasks.add(task);
		// close() may have missed the attempt: it never starts, its future ends
		if (this.closed && this.tasks.remove(task)) {
			task.future().cancel(false);
			return false;
		}
		return true;
	}

	/**
	 * Note that an attempt stopped waiting.
	 * @param task the attempt
	 * @return whether it was waiting: not if it was cancelled by {@link #close()}
	 */
	boolean remove(ManagedTask<?> task) {
		return this.tasks.remove(task);
	}

	boolean isClosed() {
		return this.closed;
	}

	/**
	 * End the attempts that wait cancelled, and those that come later at once, since a
	 * wait would outlast a pool that takes no more tasks.
	 */
	void close() {
		this.closed = true;
		for (ManagedTask<?> task : this.tasks) {
			if (this.tasks.remove(task)) {
				task.future().cancel(false);
			}
		}
	}

}
