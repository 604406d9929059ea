package dev.executor;

import java.util.function.Consumer;

/**
 * A default done-callback declared as a bean: it is added with
 * {@link ManagedExecutor#addDefaultDoneCallback(Consumer)} to every executor it
 * {@link #appliesTo(String) applies to}, so it runs for every future they create.
 * <p>
 * Implemented by applications that react to the end of every future, whatever its
 * outcome: done, failed or cancelled. It is called once per future, on the thread that
 * completes it, with the submitter's context restored. For one future only, use
 * {@link FutureProxy#addDoneCallback(Consumer)}; for failures only, a
 * {@link TaskFailureHandler}; to time or trace every task of an executor, a
 * {@link dev.executor.spi.TaskObserver}.
 */
@FunctionalInterface
public interface DoneCallback extends Consumer<FutureProxy<?>> {

	/**
	 * Whether this callback applies to the executor with the given name. The default
	 * implementation applies to every executor.
	 * @param executorName the executor name
	 * @return whether to add the callback to that executor
	 */
	default boolean appliesTo(String executorName) {
		return true;
	}

}
