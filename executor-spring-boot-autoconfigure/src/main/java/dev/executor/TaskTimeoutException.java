package dev.executor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * The failure of a task that was still running when its timeout expired. The task was
 * cancelled with interruption.
 */
public class TaskTimeoutException extends TimeoutException {

	private final String executorName;

	private final @Nullable String key;

	private final Duration timeout;

	/**
	 * Create a new instance.
	 * @param executorName the name of the executor that ran the task
	 * @param key the key the task's future is stored under, if any
	 * @param timeout the timeout that expired
	 */
	public TaskTimeoutException(String executorName, @Nullable String key, Duration timeout) {
		super("Task " + ((key != null) ? "'" + key + "' " : "") + "on executor '" + executorName
				+ "' did not finish within its timeout of " + timeout + " and was cancelled");
		this.executorName = executorName;
		this.key = key;
		this.timeout = timeout;
	}

	/**
	 * Return the name of the executor that ran the task.
	 * @return the executor name
	 */
	public String getExecutorName() {
		return this.executorName;
	}

	/**
	 * Return the key the task's future is stored under.
	 * @return the key, if any
	 */
	public Optional<String> getKey() {
		return Optional.ofNullable(this.key);
	}

	/**
	 * Return the timeout that expired.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
