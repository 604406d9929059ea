package dev.executor.hazelcast;

import java.util.Objects;

import dev.executor.FutureState;
import dev.executor.RemoteTaskException;
import dev.executor.TaskNotSerializableException;
import dev.executor.remote.Serialization;

/**
 * Reads the outcome recorded in a finished {@link StoredFutureEntry} into a
 * {@link RemoteStoredFuture}.
 */
final class StoredOutcome {

	private final StoredFutureEntry entry;

	private final String executorName;

	StoredOutcome(StoredFutureEntry entry, String executorName) {
		this.entry = entry;
		this.executorName = executorName;
	}

	@SuppressWarnings("unchecked")
	<T> void completeFuture(RemoteStoredFuture<T> future, Serialization serialization) {
		if (this.entry.state() == FutureState.CANCELLED) {
			future.cancelled();
			return;
		}
		try {
			if (this.entry.state() == FutureState.FAILED) {
				future.completeExceptionally(failure(serialization));
			}
			else if (this.entry.failureMessage() != null) {
				future.completeExceptionally(new TaskNotSerializableException("The result of stored future '"
						+ this.entry.key() + "' of executor '" + this.executorName + "' cannot be read here: "
						+ this.entry.failureMessage(), this.executorName, "?", null));
			}
			else {
				byte[] payload = this.entry.payload();
				future.complete((payload != null) ? (T) serialization.deserialize(payload) : null);
			}
		}
		catch (Exception ex) {
			future.completeExceptionally(ex);
		}
	}

	private Throwable failure(Serialization serialization) {
		String className = Objects.requireNonNullElse(this.entry.failureClass(), "?");
		byte[] payload = this.entry.payload();
		if (payload != null) {
			try {
				return (Throwable) Objects.requireNonNull(serialization.deserialize(payload));
			}
			catch (Exception ex) {
				RemoteTaskException standIn = new RemoteTaskException(className, this.entry.failureMessage(), null);
				standIn.addSuppressed(ex);
				return standIn;
			}
		}
		return new RemoteTaskException(className, this.entry.failureMessage(), null);
	}

}
