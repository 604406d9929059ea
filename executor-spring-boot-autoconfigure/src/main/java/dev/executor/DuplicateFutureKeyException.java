package dev.executor;

/**
 * Thrown when a future is stored under a key that is already in use. The task of a
 * rejected {@link ManagedExecutor#submitStored(String, java.util.concurrent.Callable)
 * submitStored} call never runs.
 */
public class DuplicateFutureKeyException extends IllegalStateException {

	private final String key;

	private final String executorName;

	/**
	 * Create a new instance.
	 * @param executorName the name of the executor whose store holds the key
	 * @param key the duplicate key
	 */
	public DuplicateFutureKeyException(String executorName, String key) {
		super("Executor '" + executorName + "' already stores a future under the key '" + key
				+ "'; pop it first or choose another key");
		this.executorName = executorName;
		this.key = key;
	}

	/**
	 * Return the duplicate key.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * Return the name of the executor whose store holds the key.
	 * @return the executor name
	 */
	public String getExecutorName() {
		return this.executorName;
	}

}
