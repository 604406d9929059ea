package dev.executor.remote;

import java.io.IOException;
import java.io.InvalidClassException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

import dev.executor.RemoteTaskException;
import dev.executor.TaskNotSerializableException;
import org.jspecify.annotations.Nullable;

/**
 * A worker's answer to a task, still serialised: decoding it is the task's business, not
 * the worker's, so a result or exception that cannot be deserialised fails the task and
 * leaves the worker alone. Other executors whose tasks leave the JVM decode their answers
 * the same way.
 *
 * @param failed whether the task threw
 * @param payload the serialised result or exception, {@code null} for a {@code null}
 * result
 * @param className the class name of the exception the task threw
 * @param message the message of the exception the task threw
 */
public record WorkerResponse(boolean failed, byte @Nullable [] payload, @Nullable String className,
		@Nullable String message) {

	/**
	 * Return the result, or throw the task's exception: the original one when it can be
	 * deserialised, else a {@link RemoteTaskException} naming its class.
	 * @param serialization how to deserialise the payload
	 * @param executorName the name of the executor that ran the task
	 * @return the result
	 * @throws Exception the task's exception
	 */
	public @Nullable Object decode(Serialization serialization, String executorName) throws Exception {
		return this.failed ? throwFailure(serialization) : result(serialization, executorName);
	}

	private @Nullable Object result(Serialization serialization, String executorName) {
		if (this.payload == null) {
			return null;
		}
		try {
			return serialization.deserialize(this.payload);
		}
		catch (ClassNotFoundException | IOException ex) {
			String className = (ex instanceof InvalidClassException invalid && invalid.classname != null)
					? invalid.classname : ex.getMessage();
			throw new TaskNotSerializableException("The result of a task on executor '" + executorName
					+ "' cannot be deserialised: " + ex, executorName, String.valueOf(className), ex);
		}
	}

	private Object throwFailure(Serialization serialization) throws Exception {
		Throwable failure;
		try {
			failure = (Throwable) serialization.deserialize(Objects.requireNonNull(this.payload));
		}
		catch (ClassNotFoundException | IOException | RuntimeException ex) {
			failure = new RemoteTaskException(String.valueOf(this.className), this.message, null);
			failure.addSuppressed(ex);
		}
		if (failure instanceof Exception exception) {
			throw exception;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		throw new ExecutionException(failure);
	}

}
