package dev.executor.autoconfigure;

import java.util.Set;

import dev.executor.ManagedExecutors;
import dev.executor.actuate.endpoint.ExecutorsEndpoint;
import dev.executor.actuate.endpoint.ExecutorsEndpointWebExtension;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExecutorsEndpointAutoConfiguration}.
 */
class ExecutorsEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class,
				ExecutorsEndpointAutoConfiguration.class));

	@Test
	void executorsEndpointWhenExposedShouldBeAutoConfigured() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=executors")
			.run((context) -> assertThat(context).hasSingleBean(ExecutorsEndpoint.class)
				.hasSingleBean(ExecutorsEndpointWebExtension.class));
	}

	@Test
	void executorsEndpointWhenNotExposedShouldNotBeAutoConfigured() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ExecutorsEndpoint.class)
			.doesNotHaveBean(ExecutorsEndpointWebExtension.class));
	}

	@Test
	void executorsEndpointWhenAccessIsNoneShouldNotBeAutoConfigured() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=executors",
					"management.endpoint.executors.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(ExecutorsEndpoint.class));
	}

	@Test
	void executorsEndpointWhenActuatorIsNotOnTheClasspathShouldNotBeAutoConfigured() {
		new WebApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
			.withPropertyValues("management.endpoints.web.exposure.include=executors")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasSingleBean(ManagedExecutors.class)
				.doesNotHaveBean(ExecutorsEndpoint.class));
	}

	@Test
	void executorsEndpointWhenExposedOnlyOverJmxShouldHaveNoWebExtension() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=info", "spring.jmx.enabled=true",
					"management.endpoints.jmx.exposure.include=executors")
			.run((context) -> assertThat(context).hasSingleBean(ExecutorsEndpoint.class)
				.doesNotHaveBean(ExecutorsEndpointWebExtension.class));
	}

	@Test
	void executorsEndpointWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=executors")
			.withUserConfiguration(UserEndpointConfiguration.class)
			.run((context) -> {
				assertThat(context).getBean(ExecutorsEndpoint.class).isSameAs(context.getBean("userEndpoint"));
				assertThat(context).hasSingleBean(ExecutorsEndpointWebExtension.class);
			});
	}

	@Test
	void executorsEndpointWebExtensionWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=executors")
			.withUserConfiguration(UserWebExtensionConfiguration.class)
			.run((context) -> assertThat(context).getBean(ExecutorsEndpointWebExtension.class)
				.isSameAs(context.getBean("userWebExtension")));
	}

	@Test
	void showValuesShouldBeNeverByDefault() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=executors")
			.run((context) -> assertThat(context.getBean(ExecutorsEndpointWebExtension.class))
				.extracting("showValues", "roles")
				.containsExactly(Show.NEVER, Set.of()));
	}

	@Test
	void showValuesAndRolesShouldBeConfigurableViaTheEnvironment() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=executors",
					"management.endpoint.executors.show-values=WHEN_AUTHORIZED",
					"management.endpoint.executors.roles=ADMIN,OPS")
			.run((context) -> assertThat(context.getBean(ExecutorsEndpointWebExtension.class))
				.extracting("showValues", "roles")
				.containsExactly(Show.WHEN_AUTHORIZED, Set.of("ADMIN", "OPS")));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class,
			ExecutorsEndpointAutoConfiguration.class })
	static class ImportedAutoConfigurations {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		ExecutorsEndpoint userEndpoint(ManagedExecutors executors) {
			return new ExecutorsEndpoint(executors, JsonMapper.shared());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserWebExtensionConfiguration {

		@Bean
		ExecutorsEndpointWebExtension userWebExtension(ExecutorsEndpoint endpoint) {
			return new ExecutorsEndpointWebExtension(endpoint, Show.ALWAYS, Set.of());
		}

	}

}
