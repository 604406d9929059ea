package dev.executor.hazelcast;

import dev.executor.remote.RecordedOutcome;
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

	<T> void completeFuture(RemoteStoredFuture<T> future, Serialization serialization) {
		new RecordedOutcome(this.entry.state(), this.entry.failureClass(), this.entry.failureMessage(),
				this.entry.payload())
			.complete(future, future::cancelled, this.entry.key(), this.executorName, serialization);
	}

}
