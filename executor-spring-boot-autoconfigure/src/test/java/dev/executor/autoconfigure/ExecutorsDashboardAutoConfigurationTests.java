package dev.executor.autoconfigure;

import dev.executor.actuate.dashboard.ExecutorsDashboard;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExecutorsDashboardAutoConfiguration}.
 */
class ExecutorsDashboardAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(ExecutorAutoConfiguration.class,
			ExecutorsEndpointAutoConfiguration.class, ExecutorsDashboardAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void dashboardShouldBeOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ExecutorsDashboard.class));
	}

	@Test
	void dashboardWhenEnabledShouldBeServed() {
		this.contextRunner.withPropertyValues("executor.dashboard.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ExecutorsDashboard.class));
	}

	@Test
	void dashboardWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withPropertyValues("executor.dashboard.enabled=true")
			.withUserConfiguration(CustomDashboardConfiguration.class)
			.run((context) -> assertThat(context).getBean(ExecutorsDashboard.class)
				.isSameAs(context.getBean("customDashboard")));
	}

	@Test
	void dashboardWhenApplicationIsNotAWebApplicationShouldNotBeServed() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("executor.dashboard.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ExecutorsDashboard.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomDashboardConfiguration {

		@Bean
		ExecutorsDashboard customDashboard() {
			return new ExecutorsDashboard("/ops", () -> null);
		}

	}

}
