package dev.executor.autoconfigure;

import dev.executor.actuate.dashboard.ExecutorsDashboard;
import dev.executor.actuate.endpoint.ExecutorsEndpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link ExecutorsDashboard},
 * once {@code executor.dashboard.enabled} is {@code true}. The page is served even when
 * the {@link ExecutorsEndpoint} is not exposed, to say how to expose it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ExecutorsEndpointAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ RouterFunction.class, PathMappedEndpoints.class })
@ConditionalOnBooleanProperty("executor.dashboard.enabled")
public final class ExecutorsDashboardAutoConfiguration {

	private static final EndpointId EXECUTORS = EndpointId.of("executors");

	@Bean
	@ConditionalOnMissingBean
	ExecutorsDashboard executorsDashboard(ExecutorProperties properties,
			ObjectProvider<PathMappedEndpoints> endpoints) {
		return new ExecutorsDashboard(properties.getDashboard().getPath(), () -> {
			PathMappedEndpoints mapped = endpoints.getIfAvailable();
			return (mapped != null) ? mapped.getPath(EXECUTORS) : null;
		});
	}

}
