package dev.executor.actuate.endpoint;

import java.util.Map;
import java.util.Set;

import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExceptionDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExecutorDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExecutorDetailsDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExecutorsDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.FutureDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.FutureDetailsDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.HealthDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointWebExtension.ExecutorsEndpointWebExtensionRuntimeHints;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link ExecutorsEndpoint}:
 * shows one stored future, with its result and exception as {@code show-values} allows,
 * and answers {@code 404 Not Found} with a message for an unknown executor or key.
 */
@EndpointWebExtension(endpoint = ExecutorsEndpoint.class)
@ImportRuntimeHints(ExecutorsEndpointWebExtensionRuntimeHints.class)
public class ExecutorsEndpointWebExtension {

	private final ExecutorsEndpoint delegate;

	private final Show showValues;

	private final Set<String> roles;

	/**
	 * Create a new web extension.
	 * @param delegate the endpoint
	 * @param showValues when to show the results and exceptions of futures
	 * @param roles the roles that may see them when {@code showValues} is
	 * {@link Show#WHEN_AUTHORIZED}; empty for every authenticated user
	 */
	public ExecutorsEndpointWebExtension(ExecutorsEndpoint delegate, Show showValues, Set<String> roles) {
		this.delegate = delegate;
		this.showValues = showValues;
		this.roles = roles;
	}

	/**
	 * Return one executor with its stored futures.
	 * @param name the executor name
	 * @return the executor, or a {@code 404} response
	 */
	@ReadOperation
	public WebEndpointResponse<Object> executor(@Selector String name) {
		return okOrNotFound(this.delegate.executor(name), name, null);
	}

	/**
	 * Return one stored future.
	 * @param securityContext the security context of the request
	 * @param name the executor name
	 * @param key the key of the future, in path segments, since keys may contain
	 * {@code /}
	 * @return the future, or a {@code 404} response
	 */
	@ReadOperation
	public WebEndpointResponse<Object> future(SecurityContext securityContext, @Selector String name,
			@Selector(match = Match.ALL_REMAINING) String... key) {
		boolean showValues = this.showValues.isShown(securityContext, this.roles);
		String joined = ExecutorsEndpoint.key(key);
		return okOrNotFound(this.delegate.future(name, joined, showValues), name, joined);
	}

	/**
	 * Cancel a stored future, interrupting its task if it runs, and remove it.
	 * @param name the executor name
	 * @param key the key of the future, in path segments, since keys may contain
	 * {@code /}
	 * @return the cancelled future, or a {@code 404} response
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> cancel(@Selector String name,
			@Selector(match = Match.ALL_REMAINING) String... key) {
		String joined = ExecutorsEndpoint.key(key);
		return okOrNotFound(this.delegate.cancelStored(name, joined), name, joined);
	}

	private WebEndpointResponse<Object> okOrNotFound(@Nullable Object body, String name, @Nullable String key) {
		if (body != null) {
			return new WebEndpointResponse<>(body);
		}
		Map<String, String> message = Map.of("message", notFoundMessage(name, key));
		return new WebEndpointResponse<>(OperationResponseBody.of(message), WebEndpointResponse.STATUS_NOT_FOUND);
	}

	private String notFoundMessage(String name, @Nullable String key) {
		if (key == null || !this.delegate.hasExecutor(name)) {
			return "No executor named '" + name + "'";
		}
		return "Executor '" + name + "' stores no future under the key '" + key + "'";
	}

	static class ExecutorsEndpointWebExtensionRuntimeHints implements RuntimeHintsRegistrar {

		private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			this.bindingRegistrar.registerReflectionHints(hints.reflection(), ExecutorsDescriptor.class,
					ExecutorDescriptor.class, ExecutorDetailsDescriptor.class, FutureDescriptor.class,
					HealthDescriptor.class, FutureDetailsDescriptor.class, ExceptionDescriptor.class);
		}

	}

}
