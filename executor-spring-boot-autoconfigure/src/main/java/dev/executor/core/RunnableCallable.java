package dev.executor.core;

import java.io.Serial;

import dev.executor.SerializableCallable;
import org.jspecify.annotations.Nullable;

/**
 * A submitted {@link Runnable} as the callable the executor runs: it runs the task and
 * returns the given result. Serialisable whenever the task is, so that pools whose tasks
 * leave the JVM can take runnables too, and can tell what to blame when it is not.
 *
 * @param <T> the result type
 * @param task the runnable
 * @param result what the callable returns once the task ran
 */
public record RunnableCallable<T extends @Nullable Object>(Runnable task, T result)
		implements SerializableCallable<T>, WrappedTask {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public T call() {
		this.task.run();
		return this.result;
	}

	@Override
	public Object wrapped() {
		return this.task;
	}

}
