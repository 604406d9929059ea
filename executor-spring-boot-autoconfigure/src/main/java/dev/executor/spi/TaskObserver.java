package dev.executor.spi;

import dev.executor.ManagedExecutor;

/**
 * Observes every managed executor as it is created, for example to publish its meters,
 * and returns the listener of its tasks. Implemented by libraries and applications that
 * watch executors as a whole (the starter's meters and observations are two); declare a
 * bean of this type to have it applied to every executor. To react to the end of single
 * futures, add a done callback instead ({@link dev.executor.DoneCallback}).
 */
@FunctionalInterface
public interface TaskObserver {

	/**
	 * Start observing an executor. Called once, when the executor has been created and
	 * before it runs any task.
	 * @param executor the executor
	 * @return the listener of its tasks, or {@link TaskListener#NONE}
	 */
	TaskListener observe(ManagedExecutor executor);

}
