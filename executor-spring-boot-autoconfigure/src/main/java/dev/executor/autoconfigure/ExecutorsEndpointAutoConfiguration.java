package dev.executor.autoconfigure;

import dev.executor.ManagedExecutors;
import dev.executor.actuate.endpoint.ExecutorsEndpoint;
import dev.executor.actuate.endpoint.ExecutorsEndpointWebExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link ExecutorsEndpoint}.
 * Results of futures are written with the application's {@link JsonMapper} when it has
 * exactly one.
 */
@AutoConfiguration(after = ExecutorAutoConfiguration.class)
@ConditionalOnClass({ ConditionalOnAvailableEndpoint.class, JsonMapper.class })
@ConditionalOnAvailableEndpoint(ExecutorsEndpoint.class)
@EnableConfigurationProperties(ExecutorsEndpointProperties.class)
public final class ExecutorsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(ManagedExecutors.class)
	@ConditionalOnMissingBean
	ExecutorsEndpoint executorsEndpoint(ManagedExecutors executors, ObjectProvider<JsonMapper> jsonMapper) {
		return new ExecutorsEndpoint(executors, jsonMapper.getIfUnique(JsonMapper::shared));
	}

	@Bean
	@ConditionalOnBean(ExecutorsEndpoint.class)
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	ExecutorsEndpointWebExtension executorsEndpointWebExtension(ExecutorsEndpoint endpoint,
			ExecutorsEndpointProperties properties) {
		return new ExecutorsEndpointWebExtension(endpoint, properties.getShowValues(), properties.getRoles());
	}

}
