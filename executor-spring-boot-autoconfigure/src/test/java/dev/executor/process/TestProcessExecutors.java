package dev.executor.process;

import java.util.List;

import dev.executor.ExecutorSpec;
import dev.executor.ManagedExecutor;
import dev.executor.autoconfigure.ExecutorProperties;
import dev.executor.autoconfigure.ExecutorSpecResolver;
import dev.executor.context.NamedThreadLocalAccessor;
import dev.executor.context.SnapshotContextPropagationFactory;
import dev.executor.context.security.SecurityContextCopyingThreadLocalAccessor;
import dev.executor.core.ExecutorBackends;
import dev.executor.core.ManagedExecutorFactory;
import dev.executor.core.TaskFailureReporter;
import dev.executor.spi.ExecutorBackend;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Creates process executors from {@code executor.*} properties, resolved as the
 * auto-configuration resolves them, without an application context.
 */
public final class TestProcessExecutors {

	private TestProcessExecutors() {
	}

	/**
	 * Create the default executor with {@code executor.type=process} and the given
	 * properties.
	 * @param properties properties in {@code key=value} form
	 * @return the executor, to be closed by the caller
	 */
	static ManagedExecutor create(String... properties) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		source.put("executor.type", "process");
		for (String property : properties) {
			int equals = property.indexOf('=');
			source.put(property.substring(0, equals), property.substring(equals + 1));
		}
		ExecutorProperties executorProperties = new Binder(source).bindOrCreate("executor", ExecutorProperties.class);
		ExecutorBackends backends = new ExecutorBackends(List.<ExecutorBackend>of(new ProcessBackend(null)));
		ExecutorSpec spec = new ExecutorSpecResolver(executorProperties, backends).resolve(ManagedExecutor.DEFAULT_NAME);
		ManagedExecutorFactory factory = new ManagedExecutorFactory(backends, contextPropagation(),
				new TaskFailureReporter(List.of(), (event) -> {
				}), List.of());
		return factory.create(spec);
	}

	static ProcessPool pool(ManagedExecutor executor) {
		return executor.pool(ProcessPool.class).orElseThrow();
	}

	/**
	 * Return the context propagation of MDC entries and the security context, with the
	 * accessors the auto-configuration registers.
	 * @return the propagation factory
	 */
	public static SnapshotContextPropagationFactory contextPropagation() {
		return new SnapshotContextPropagationFactory(
				List.of(new NamedThreadLocalAccessor("mdc", new Slf4jThreadLocalAccessor()),
						new NamedThreadLocalAccessor("security", new SecurityContextCopyingThreadLocalAccessor())));
	}

}
