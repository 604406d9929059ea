package dev.executor.spi;

import java.util.concurrent.Callable;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.StoredFutures;

/**
 * Stored futures that can run a task again on another application instance when the
 * instance that ran it is lost, such as the database store with
 * {@code futures.jdbc.resubmit-on-owner-loss}. Implemented by stores; the executor hands
 * each task to {@link #add(String, FutureProxy, Callable)} instead of
 * {@link #add(String, FutureProxy)}, and hands itself to {@link #resubmitTo} once, when
 * it has been created and before any task is submitted.
 *
 * @since 0.1.0
 */
public interface ResubmittingStoredFutures extends StoredFutures {

	/**
	 * Store a future under a key, with the task that completes it, which the store may
	 * keep to run it again elsewhere.
	 * @param key the key
	 * @param future the future
	 * @param task the task as it was submitted, before the executor adapted it to its pool
	 * @throws dev.executor.DuplicateFutureKeyException if a future is already stored under
	 * the key
	 * @throws dev.executor.TaskNotSerializableException if the store keeps tasks and this
	 * one cannot be serialised
	 */
	void add(String key, FutureProxy<?> future, Callable<?> task);

	/**
	 * Set the executor on which this instance runs again the tasks of lost instances.
	 * @param executor the executor that owns this store
	 */
	void resubmitTo(ManagedExecutor executor);

}
