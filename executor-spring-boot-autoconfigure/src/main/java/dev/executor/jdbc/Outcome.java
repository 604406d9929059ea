package dev.executor.jdbc;

import java.io.IOException;

import dev.executor.FutureState;
import dev.executor.remote.RecordedOutcome;
import dev.executor.remote.Serialization;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a stored future as its row records it: a serialised result or
 * exception, or, for a result that is too large or not serialisable, why only the
 * instance that ran the task can read it.
 *
 * @param state the final state
 * @param failureClass the class of the exception the task failed with
 * @param message the exception's message, or why the result is not stored
 * @param payload the serialised result or exception
 */
record Outcome(FutureState state, @Nullable String failureClass, @Nullable String message,
		byte @Nullable [] payload) {

	private static final int MAX_MESSAGE_LENGTH = 4000;

	static Outcome cancelled() {
		return new Outcome(FutureState.CANCELLED, null, null, null);
	}

	static Outcome of(FutureState state, @Nullable Object result, @Nullable Throwable failure, long maxSize,
			String owner) {
		if (state == FutureState.CANCELLED) {
			return cancelled();
		}
		if (failure != null) {
			return failed(failure, maxSize);
		}
		if (result == null) {
			return new Outcome(state, null, null, null);
		}
		String type = result.getClass().getName();
		try {
			byte[] payload = Serialization.serialize(result);
			if (payload.length <= maxSize) {
				return new Outcome(state, null, null, payload);
			}
			return new Outcome(state, null, "the result, a " + type + ", is " + payload.length + " bytes, more than "
					+ "max-result-size (" + maxSize + " bytes), and can only be read on instance " + owner, null);
		}
		catch (IOException | RuntimeException ex) {
			return new Outcome(state, null, RecordedOutcome.notSerializable(result, "instance " + owner), null);
		}
	}

	static Outcome failed(Throwable failure, long maxSize) {
		byte[] payload = RecordedOutcome.serializeFailure(failure);
		return new Outcome(FutureState.FAILED, failure.getClass().getName(), truncate(failure.getMessage()),
				(payload != null && payload.length <= maxSize) ? payload : null);
	}

	private static @Nullable String truncate(@Nullable String message) {
		return (message != null && message.length() > MAX_MESSAGE_LENGTH) ? message.substring(0, MAX_MESSAGE_LENGTH)
				: message;
	}

	static Outcome of(FutureRow row) {
		return new Outcome(row.state(), row.failureClass(), row.message(), row.payload());
	}

	<T> void complete(JdbcStoredFuture<T> future, Serialization serialization, String executorName) {
		new RecordedOutcome(this.state, this.failureClass, this.message, this.payload).complete(future,
				future::cancelled, future.key().orElse("?"), executorName, serialization);
	}

}
