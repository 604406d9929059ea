package dev.executor.remote;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.executor.FutureState;
import dev.executor.RemoteTaskException;
import dev.executor.TaskNotSerializableException;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a stored future as a distributed store records it, so that an instance
 * other than the one that ran the task can complete its own view of the future: a
 * serialised result or exception, or why only the instance that ran the task can read the
 * result. Shared by the stores, which keep these fields in their own form.
 *
 * @param state the final state
 * @param failureClass the class of the exception the task failed with
 * @param message the exception's message, or why the result is not recorded
 * @param payload the serialised result or exception
 * @since 0.1.0
 */
public record RecordedOutcome(FutureState state, @Nullable String failureClass, @Nullable String message,
		byte @Nullable [] payload) {

	/**
	 * Serialise an exception, or, if it cannot be, a stand-in with its class name, message,
	 * stack trace and causes.
	 * @param failure the exception
	 * @return its bytes, or {@code null} if not even the stand-in can be serialised
	 */
	public static byte @Nullable [] serializeFailure(Throwable failure) {
		try {
			return Serialization.serialize(failure);
		}
		catch (IOException | RuntimeException ex) {
			try {
				return Serialization.serialize(Serialization.standIn(failure));
			}
			catch (IOException | RuntimeException standInFailure) {
				return null;
			}
		}
	}

	/**
	 * Say why a result that cannot be serialised is not recorded.
	 * @param result the result
	 * @param where where it can be read, such as {@code "member A"}
	 * @return the message to record
	 */
	public static String notSerializable(Object result, String where) {
		return "the result, a " + result.getClass().getName() + ", is not serializable and can only be read on "
				+ where;
	}

	/**
	 * Complete a future with this outcome: cancel it, fail it with the recorded exception
	 * (or a {@link RemoteTaskException} stand-in when it cannot be read), fail it with a
	 * {@link TaskNotSerializableException} when the result is not recorded, or complete it
	 * with the result.
	 * @param <T> the result type
	 * @param future the future to complete
	 * @param cancel what cancels the future without routing the cancellation anywhere
	 * @param key the key of the stored future
	 * @param executorName the name of its executor
	 * @param serialization what reads the payload
	 */
	@SuppressWarnings("unchecked")
	public <T extends @Nullable Object> void complete(CompletableFuture<T> future, Runnable cancel, String key, String executorName,
			Serialization serialization) {
		if (this.state == FutureState.CANCELLED) {
			cancel.run();
			return;
		}
		try {
			if (this.state == FutureState.FAILED) {
				future.completeExceptionally(failure(serialization));
			}
			else if (this.message != null) {
				future.completeExceptionally(new TaskNotSerializableException("The result of stored future '" + key
						+ "' of executor '" + executorName + "' cannot be read here: " + this.message, executorName,
						"?", null));
			}
			else {
				future.complete((this.payload != null) ? (T) serialization.deserialize(this.payload) : null);
			}
		}
		catch (Exception ex) {
			future.completeExceptionally(ex);
		}
	}

	private Throwable failure(Serialization serialization) {
		String className = Objects.requireNonNullElse(this.failureClass, "?");
		if (this.payload != null) {
			try {
				return (Throwable) Objects.requireNonNull(serialization.deserialize(this.payload));
			}
			catch (Exception ex) {
				RemoteTaskException standIn = new RemoteTaskException(className, this.message, null);
				standIn.addSuppressed(ex);
				return standIn;
			}
		}
		return new RemoteTaskException(className, this.message, null);
	}

}
