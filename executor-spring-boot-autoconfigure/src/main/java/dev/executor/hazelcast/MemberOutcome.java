package dev.executor.hazelcast;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

import dev.executor.RemoteTaskException;
import dev.executor.TaskNotSerializableException;
import dev.executor.process.Serialization;
import dev.executor.process.WorkerMain;
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
			payload = Serialization.serialize(WorkerMain.standIn(failure));
		}
		return new MemberOutcome(true, failure.getClass().getName(), failure.getMessage(), payload);
	}

	@Nullable Object decode(Serialization serialization, String executorName) throws Exception {
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
			String name = (ex instanceof InvalidClassException invalid && invalid.classname != null)
					? invalid.classname : this.className;
			throw new TaskNotSerializableException("The result of a task on executor '" + executorName
					+ "' cannot be deserialised: " + ex, executorName, name, ex);
		}
	}

	private Object throwFailure(Serialization serialization) throws Exception {
		Throwable failure;
		try {
			failure = (Throwable) serialization.deserialize(Objects.requireNonNull(this.payload));
		}
		catch (ClassNotFoundException | IOException | RuntimeException ex) {
			failure = new RemoteTaskException(this.className, this.message, null);
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
