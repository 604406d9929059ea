package dev.executor.hazelcast;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;

import dev.executor.remote.Serialization;
import dev.executor.remote.WorkerResponse;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a member to a {@link MemberTask}: the serialised result, or the
 * serialised exception with its stack trace on the member.
 */
final class MemberOutcome implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final boolean failed;

	private final String className;

	private final @Nullable String message;

	private final byte @Nullable [] payload;

	private MemberOutcome(boolean failed, String className, @Nullable String message, byte @Nullable [] payload) {
		this.failed = failed;
		this.className = className;
		this.message = message;
		this.payload = payload;
	}

	static MemberOutcome result(@Nullable Object result) throws IOException {
		byte[] payload = (result != null) ? Serialization.serialize(result) : null;
		return new MemberOutcome(false, (result != null) ? result.getClass().getName() : "null", null, payload);
	}

	static MemberOutcome failure(Throwable failure) throws IOException {
		byte[] payload;
		try {
			payload = Serialization.serialize(failure);
		}
		catch (IOException | RuntimeException ex) {
			payload = Serialization.serialize(Serialization.standIn(failure));
		}
		return new MemberOutcome(true, failure.getClass().getName(), failure.getMessage(), payload);
	}

	@Nullable Object decode(Serialization serialization, String executorName) throws Exception {
		return new WorkerResponse(this.failed, this.payload, this.className, this.message).decode(serialization,
				executorName);
	}

}
