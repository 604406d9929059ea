package dev.executor;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a task for a {@code process} executor, or the result it returns, cannot be
 * serialised to travel between the application and a worker process. A task that cannot
 * be serialised is rejected by {@code submit} at once; a result that cannot be serialised
 * fails the task's future.
 */
public class TaskNotSerializableException extends RuntimeException {

	private final String executorName;

	private final String className;

	/**
	 * Create a new instance.
	 * @param message the message, naming what could not be serialised and why
	 * @param executorName the name of the executor
	 * @param className the name of the class that could not be serialised
	 * @param cause the serialisation failure, if any
	 */
	public TaskNotSerializableException(String message, String executorName, String className,
			@Nullable Throwable cause) {
		super(message, cause);
		this.executorName = executorName;
		this.className = className;
	}

	/**
	 * Return the name of the executor the task was submitted to.
	 * @return the executor name
	 */
	public String getExecutorName() {
		return this.executorName;
	}

	/**
	 * Return the name of the class that could not be serialised: the task's own class, a
	 * class of something it captures, or the class of its result.
	 * @return the class name
	 */
	public String getClassName() {
		return this.className;
	}

}
