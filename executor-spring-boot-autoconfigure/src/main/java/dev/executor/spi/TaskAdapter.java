package dev.executor.spi;

import java.util.concurrent.Callable;

/**
 * Implemented by a pool whose tasks need preparing at submit time, for example
 * serialising them for a worker process. The executor adapts every task of such a pool
 * in the submitting thread, before anything else, so that a task that cannot be adapted
 * fails the submission at once.
 */
@FunctionalInterface
public interface TaskAdapter {

	/**
	 * Adapt a task.
	 * @param <T> the result type
	 * @param task the task as submitted
	 * @return the task to run in its place
	 */
	<T> Callable<T> adapt(Callable<T> task);

}
