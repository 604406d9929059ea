package dev.executor;

import java.util.Optional;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a task fails on an executor with {@code propagate-exceptions} enabled,
 * and for every failure of a {@code void} {@code @Job} method.
 */
public class TaskFailedEvent extends ApplicationEvent {

	private final FutureProxy<?> future;

	private final Throwable exception;

	/**
	 * Create a new event.
	 * @param future the future of the failed task
	 * @param exception the exception the task failed with
	 */
	public TaskFailedEvent(FutureProxy<?> future, Throwable exception) {
		super(future);
		this.future = future;
		this.exception = exception;
	}

	/**
	 * Return the future of the failed task.
	 * @return the future
	 */
	public FutureProxy<?> getFuture() {
		return this.future;
	}

	/**
	 * Return the exception the task failed with.
	 * @return the exception
	 */
	public Throwable getException() {
		return this.exception;
	}

	/**
	 * Return the name of the executor the task ran on.
	 * @return the executor name
	 */
	public String getExecutorName() {
		return this.future.executorName();
	}

	/**
	 * Return the key the task's future is stored under.
	 * @return the key, if any
	 */
	public Optional<String> getKey() {
		return this.future.key();
	}

}
