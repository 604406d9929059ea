package dev.executor;

import java.util.function.Consumer;

/**
 * A default done-callback declared as a bean: it is added with
 * {@link ManagedExecutor#addDefaultDoneCallback(Consumer)} to every executor it
 * {@link #appliesTo(String) applies to}, so it runs for every future they create.
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
