package dev.executor.actuate.endpoint;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExceptionDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExecutorDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExecutorDetailsDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExecutorsDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.FutureDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.FutureDetailsDescriptor;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;

/**
 * {@link Endpoint @Endpoint} to expose the managed executors, the futures they store and
 * to cancel a stored future. Cancelling is a write operation: the endpoint's default
 * access is {@link Access#READ_ONLY read-only}, so it is only available once
 * {@code management.endpoint.executors.access} is {@code unrestricted}.
 */
@Endpoint(id = "executors", defaultAccess = Access.READ_ONLY)
public class ExecutorsEndpoint {

	private final ManagedExecutors executors;

	private final JsonMapper jsonMapper;

	/**
	 * Create a new endpoint.
	 * @param executors the executors
	 * @param jsonMapper the mapper that turns the results of futures into JSON
	 */
	public ExecutorsEndpoint(ManagedExecutors executors, JsonMapper jsonMapper) {
		this.executors = executors;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return every executor with its pool figures.
	 * @return the executors, by name
	 */
	@ReadOperation
	public ExecutorsDescriptor executors() {
		Map<String, ExecutorDescriptor> executors = new LinkedHashMap<>();
		for (ManagedExecutor executor : this.executors) {
			executors.put(executor.name(), new ExecutorDescriptor(executor));
		}
		return new ExecutorsDescriptor(executors);
	}

	/**
	 * Return one executor with its stored futures.
	 * @param name the executor name
	 * @return the executor, or {@code null} if there is none of that name
	 */
	@ReadOperation
	public @Nullable ExecutorDetailsDescriptor executor(@Selector String name) {
		ManagedExecutor executor = find(name);
		return (executor != null) ? new ExecutorDetailsDescriptor(executor, storedFutures(executor)) : null;
	}

	/**
	 * Return one stored future, with its result or exception if values may be shown.
	 * @param name the executor name
	 * @param key the key of the future
	 * @param showValues whether to show the result and exception as they are
	 * @return the future, or {@code null} if there is no such executor or future
	 */
	public @Nullable FutureDetailsDescriptor future(String name, String key, boolean showValues) {
		ManagedExecutor executor = find(name);
		if (executor == null) {
			return null;
		}
		return executor.futures()
			.get(key)
			.map((future) -> new FutureDetailsDescriptor(future, result(future, showValues),
					exception(future, showValues), lastFailure(future, showValues)))
			.orElse(null);
	}

	/**
	 * Cancel a stored future, interrupting its task if it runs, and remove it.
	 * @param name the executor name
	 * @param key the key of the future, in path segments, since keys may contain
	 * {@code /}
	 * @return the future as it is after the cancellation, or {@code null} if there is no
	 * such executor or future
	 */
	@DeleteOperation
	public @Nullable FutureDescriptor cancel(@Selector String name,
			@Selector(match = Match.ALL_REMAINING) String... key) {
		return cancelStored(name, key(key));
	}

	/**
	 * Cancel a stored future, interrupting its task if it runs, and remove it.
	 * @param name the executor name
	 * @param key the key of the future
	 * @return the future as it is after the cancellation, or {@code null} if there is no
	 * such executor or future
	 */
	public @Nullable FutureDescriptor cancelStored(String name, String key) {
		ManagedExecutor executor = find(name);
		if (executor == null) {
			return null;
		}
		Optional<FutureProxy<Object>> removed = executor.futures().pop(key);
		removed.ifPresent((future) -> future.cancel(true));
		return removed.map(FutureDescriptor::new).orElse(null);
	}

	/**
	 * Return the key that the given path segments name.
	 * @param segments the segments of the key in an endpoint path
	 * @return the key
	 */
	static String key(String... segments) {
		return String.join("/", segments);
	}

	/**
	 * Whether there is an executor of the given name.
	 * @param name the executor name
	 * @return whether the executor exists
	 */
	boolean hasExecutor(String name) {
		return this.executors.names().contains(name);
	}

	private @Nullable ManagedExecutor find(String name) {
		return hasExecutor(name) ? this.executors.get(name) : null;
	}

	private static List<FutureDescriptor> storedFutures(ManagedExecutor executor) {
		List<FutureDescriptor> futures = new ArrayList<>();
		for (String key : executor.futures().keys()) {
			executor.futures().get(key).ifPresent((future) -> futures.add(new FutureDescriptor(future)));
		}
		return futures;
	}

	private @Nullable Object result(FutureProxy<?> future, boolean showValues) {
		if (future.state() != FutureState.FINISHED) {
			return null;
		}
		if (!showValues) {
			return SanitizableData.SANITIZED_VALUE;
		}
		Object result = future.getNow(null);
		return (result != null) ? toJson(result) : null;
	}

	// the application's mapper knows its types; what it cannot write is shown as text
	// rather than failing the whole response
	private Object toJson(Object value) {
		try {
			return this.jsonMapper.valueToTree(value);
		}
		catch (JacksonException ex) {
			return toText(value);
		}
	}

	private static String toText(Object value) {
		try {
			return String.valueOf(value);
		}
		catch (RuntimeException ex) {
			return value.getClass().getName();
		}
	}

	private static @Nullable ExceptionDescriptor exception(FutureProxy<?> future, boolean showValues) {
		if (future.state() != FutureState.FAILED) {
			return null;
		}
		Throwable exception = future.failure()
			.orElseThrow(() -> new IllegalStateException("Future " + future + " did not fail"));
		return describe(exception, showValues);
	}

	// a task that waits for its next attempt: why the one before failed
	private static @Nullable ExceptionDescriptor lastFailure(FutureProxy<?> future, boolean showValues) {
		if (future.isDone()) {
			return null;
		}
		return future.lastFailure().map((failure) -> describe(failure, showValues)).orElse(null);
	}

	private static ExceptionDescriptor describe(Throwable exception, boolean showValues) {
		if (!showValues) {
			return new ExceptionDescriptor(SanitizableData.SANITIZED_VALUE, SanitizableData.SANITIZED_VALUE,
					SanitizableData.SANITIZED_VALUE);
		}
		return new ExceptionDescriptor(exception.getClass().getName(), exception.getMessage(), stackTrace(exception));
	}

	private static String stackTrace(Throwable exception) {
		StringWriter trace = new StringWriter();
		exception.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

}
