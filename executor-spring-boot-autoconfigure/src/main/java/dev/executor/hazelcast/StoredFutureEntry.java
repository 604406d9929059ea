package dev.executor.hazelcast;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;

import dev.executor.FutureState;
import dev.executor.remote.RecordedOutcome;
import dev.executor.remote.Serialization;
import org.jspecify.annotations.Nullable;

/**
 * What the cluster knows of one stored future: its key, order, owning member, state,
 * times and, once finished, its serialised result or exception. The owning member is the
 * one of the application instance that submitted the task and holds the live future.
 */
final class StoredFutureEntry implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String key;

	private final long id;

	private final String ownerUuid;

	private final String owner;

	private final FutureState state;

	private final long submittedAt;

	private final long finishedAt;

	private final @Nullable String failureClass;

	private final @Nullable String failureMessage;

	private final byte @Nullable [] payload;

	private StoredFutureEntry(String key, long id, String ownerUuid, String owner, FutureState state, long submittedAt,
			long finishedAt, @Nullable String failureClass, @Nullable String failureMessage, byte @Nullable [] payload) {
		this.key = key;
		this.id = id;
		this.ownerUuid = ownerUuid;
		this.owner = owner;
		this.state = state;
		this.submittedAt = submittedAt;
		this.finishedAt = finishedAt;
		this.failureClass = failureClass;
		this.failureMessage = failureMessage;
		this.payload = payload;
	}

	static StoredFutureEntry pending(String key, long id, String ownerUuid, String owner, long now) {
		return new StoredFutureEntry(key, id, ownerUuid, owner, FutureState.PENDING, now, 0, null, null, null);
	}

	StoredFutureEntry finished(FutureState state, @Nullable Object result, @Nullable Throwable failure, long now) {
		if (failure != null) {
			return new StoredFutureEntry(this.key, this.id, this.ownerUuid, this.owner, state, this.submittedAt, now,
					failure.getClass().getName(), failure.getMessage(), RecordedOutcome.serializeFailure(failure));
		}
		byte[] payload;
		try {
			payload = (result != null) ? Serialization.serialize(result) : null;
		}
		catch (IOException | RuntimeException ex) {
			return new StoredFutureEntry(this.key, this.id, this.ownerUuid, this.owner, state, this.submittedAt, now,
					null, RecordedOutcome.notSerializable(result, "member " + this.owner), null);
		}
		return new StoredFutureEntry(this.key, this.id, this.ownerUuid, this.owner, state, this.submittedAt, now, null,
				null, payload);
	}

	String key() {
		return this.key;
	}

	long id() {
		return this.id;
	}

	String ownerUuid() {
		return this.ownerUuid;
	}

	String owner() {
		return this.owner;
	}

	FutureState state() {
		return this.state;
	}

	boolean isFinished() {
		return this.finishedAt != 0;
	}

	long submittedAt() {
		return this.submittedAt;
	}

	long finishedAt() {
		return this.finishedAt;
	}

	@Nullable String failureClass() {
		return this.failureClass;
	}

	@Nullable String failureMessage() {
		return this.failureMessage;
	}

	byte @Nullable [] payload() {
		return this.payload;
	}

}
