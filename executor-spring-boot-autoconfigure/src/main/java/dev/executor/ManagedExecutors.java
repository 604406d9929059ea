package dev.executor;

import java.util.Set;

/**
 * The registry of every {@link ManagedExecutor} in the application context.
 */
public interface ManagedExecutors extends Iterable<ManagedExecutor> {

	/**
	 * Return the executor with the given name.
	 * @param name the name, {@value ManagedExecutor#DEFAULT_NAME} for the default
	 * executor
	 * @return the executor
	 * @throws NoSuchExecutorException if there is no executor with that name
	 */
	ManagedExecutor get(String name);

	/**
	 * Return the names of all executors.
	 * @return the names
	 */
	Set<String> names();

}
