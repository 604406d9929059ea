package dev.executor.autoconfigure;

import dev.executor.web.ExecutorProblemDetailsExceptionHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExecutorWebMvcAutoConfiguration}.
 */
class ExecutorWebMvcAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations
		.of(ExecutorWebMvcAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void servletWebApplicationShouldHaveTheExceptionHandler() {
		this.contextRunner
			.run((context) -> assertThat(context).hasSingleBean(ExecutorProblemDetailsExceptionHandler.class));
	}

	@Test
	void exceptionHandlerWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(CustomExceptionHandlerConfiguration.class)
			.run((context) -> assertThat(context).getBean(ExecutorProblemDetailsExceptionHandler.class)
				.isSameAs(context.getBean("customExceptionHandler")));
	}

	@Test
	void exceptionHandlerWhenSpringMvcIsNotOnTheClasspathShouldNotBeDefined() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ExecutorProblemDetailsExceptionHandler.class));
	}

	@Test
	void exceptionHandlerWhenApplicationIsNotAWebApplicationShouldNotBeDefined() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ExecutorProblemDetailsExceptionHandler.class));
	}

	@Test
	void exceptionHandlerWhenApplicationIsAReactiveWebApplicationShouldNotBeDefined() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ExecutorProblemDetailsExceptionHandler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomExceptionHandlerConfiguration {

		@Bean
		ExecutorProblemDetailsExceptionHandler customExceptionHandler() {
			return new ExecutorProblemDetailsExceptionHandler();
		}

	}

}
