package dev.executor.spi;

import dev.executor.core.DelegatingManagedExecutor;
import dev.executor.core.ManagedExecutorFactory;

/**
 * Observes the executors a {@link ManagedExecutorFactory} creates, for example to publish
 * their meters, and listens to their tasks. Declare a bean of this type to have it
 * applied to every executor.
 */
@FunctionalInterface
public interface TaskObserver {

	/**
	 * Start observing an executor. Called once, when the executor has been created and
	 * before it runs any task.
	 * @param executor the executor
	 * @return the listener of its tasks, or {@link TaskListener#NONE}
	 */
	TaskListener observe(DelegatingManagedExecutor executor);

}
