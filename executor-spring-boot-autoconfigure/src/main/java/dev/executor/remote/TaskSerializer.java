package dev.executor.remote;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

import dev.executor.TaskNotSerializableException;
import dev.executor.core.WrappedTask;
import org.jspecify.annotations.Nullable;

/**
 * Serialises tasks in the submitting thread, so that a task that cannot travel to a
 * worker is rejected at once with a {@link TaskNotSerializableException} that names the
 * class at fault and, for a lambda, where it was captured. Shared with the other executor
 * types whose tasks leave the JVM; the bytes are read back with {@link Serialization}.
 */
public final class TaskSerializer {

	private static final String LAMBDA_PREFIX = "lambda$";

	private final String executorName;

	private final String destination;

	/**
	 * Create a serializer for the tasks of one executor.
	 * @param executorName the name of the executor
	 * @param destination where tasks go, as the end of "cannot be sent to ...", such as
	 * {@code "a worker process"}
	 */
	public TaskSerializer(String executorName, String destination) {
		this.executorName = executorName;
		this.destination = destination;
	}

	/**
	 * Serialise a task.
	 * @param task the task
	 * @return its bytes
	 * @throws TaskNotSerializableException if it cannot be serialised
	 */
	public byte[] serialize(Object task) {
		// what was submitted is blamed, not the callable the executor made around it
		Object submitted = (task instanceof WrappedTask wrapper) ? wrapper.wrapped() : task;
		if (!(submitted instanceof Serializable)) {
			String className = submitted.getClass().getName();
			throw notSerializable(className, submitted.getClass().isSynthetic()
					? "it is a lambda that was not created serializable (" + className + "); pass the lambda to "
							+ "submit directly rather than through a Callable or Runnable variable"
					: "its class " + className + " does not implement java.io.Serializable", null);
		}
		try {
			return Serialization.serialize(task);
		}
		catch (NotSerializableException ex) {
			String className = String.valueOf(ex.getMessage());
			String where = whereCaptured(submitted, className);
			String captured = (where != null) ? " (" + where + ")" : "";
			throw notSerializable(className, className + " is not serializable" + captured
					+ "; make it implement java.io.Serializable, or capture only serializable values", ex);
		}
		catch (IOException | RuntimeException ex) {
			throw notSerializable(task.getClass().getName(), "serialising it failed with " + ex, ex);
		}
	}

	private TaskNotSerializableException notSerializable(String className, String reason, @Nullable Throwable cause) {
		return new TaskNotSerializableException(
				"Task for executor '" + this.executorName + "' cannot be sent to " + this.destination + ": " + reason,
				this.executorName, className, cause);
	}

	private static @Nullable String whereCaptured(Object value, String className) {
		SerializedLambda lambda = serializedLambda(value);
		if (lambda == null) {
			return null;
		}
		for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
			Object captured = lambda.getCapturedArg(i);
			if (captured == null) {
				continue;
			}
			String nested = whereCaptured(captured, className);
			if (nested != null) {
				return nested;
			}
			if (captured.getClass().getName().equals(className)) {
				return "captured by " + describe(lambda);
			}
			if (!serializes(captured)) {
				return "reached through " + captured.getClass().getName() + " captured by " + describe(lambda);
			}
		}
		return null;
	}

	private static @Nullable SerializedLambda serializedLambda(Object value) {
		if (!value.getClass().isSynthetic()) {
			return null;
		}
		try {
			Method writeReplace = value.getClass().getDeclaredMethod("writeReplace");
			writeReplace.setAccessible(true);
			return (writeReplace.invoke(value) instanceof SerializedLambda lambda) ? lambda : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static String describe(SerializedLambda lambda) {
		String capturingClass = lambda.getCapturingClass().replace('/', '.');
		String method = lambda.getImplMethodName();
		if (method.startsWith(LAMBDA_PREFIX)) {
			// javac names it lambda$<enclosing method>$<hash>$<index>
			int end = method.indexOf('$', LAMBDA_PREFIX.length());
			String enclosing = method.substring(LAMBDA_PREFIX.length(), (end != -1) ? end : method.length());
			return "the lambda in " + capturingClass + "." + enclosing;
		}
		return "the method reference " + lambda.getImplClass().replace('/', '.') + "::" + method + " in "
				+ capturingClass;
	}

	private static boolean serializes(Object value) {
		try {
			Serialization.serialize(value);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

}
