package dev.executor;

/**
 * The failure of a stored future whose owner, the application instance that ran its
 * task, stopped sending heartbeats before the task finished
 * ({@code executor.futures.store=jdbc}). Another instance recorded it, so that no stored
 * future stays pending forever.
 *
 * @since 0.1.0
 */
public class OwnerLostException extends RuntimeException {

	private final String executorName;

	private final String owner;

	/**
	 * Create a new instance.
	 * @param executorName the name of the executor
	 * @param owner the instance that was lost, such as {@code 4242@host (7c1e...)}
	 * @param ownerTimeout the time without heartbeat after which it was taken for dead,
	 * as written, such as {@code 30s}
	 * @param survivor the instance that recorded the failure
	 */
	public OwnerLostException(String executorName, String owner, String ownerTimeout, String survivor) {
		super("Instance " + owner + " sent no heartbeat for " + ownerTimeout + " before it finished a task of "
				+ "executor '" + executorName + "', so the task's outcome is lost; instance " + survivor
				+ " recorded this failure");
		this.executorName = executorName;
		this.owner = owner;
	}

	/**
	 * Return the name of the executor that ran the task.
	 * @return the executor name
	 */
	public String getExecutorName() {
		return this.executorName;
	}

	/**
	 * Return the instance that was lost.
	 * @return the instance, as its process, host and id
	 */
	public String getOwner() {
		return this.owner;
	}

}
