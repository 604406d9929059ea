package dev.executor.autoconfigure;

import java.time.Duration;

import dev.executor.ManagedExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the retry policies of the executors that {@link ExecutorAutoConfiguration}
 * creates: from {@code retry.*} properties, or from a qualified {@link RetryPolicy} bean.
 */
class RetryAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class));

	@Test
	void executorWithoutRetryPropertiesShouldNotRetry() {
		this.contextRunner.run((context) -> assertThat(context.getBean(ManagedExecutor.class).spec().retry()).isNull());
	}

	@Test
	void retryPropertiesShouldBecomeTheExecutorsRetryPolicy() {
		this.contextRunner.withPropertyValues("executor.retry.max-retries=1", "executor.retry.delay=250ms")
			.run((context) -> {
				RetryPolicy policy = context.getBean(ManagedExecutor.class).spec().retry();
				assertThat(policy).isNotNull();
				BackOffExecution backOff = policy.getBackOff().start();
				assertThat(backOff.nextBackOff()).isEqualTo(250);
				assertThat(backOff.nextBackOff()).isEqualTo(BackOffExecution.STOP);
			});
	}

	@Test
	void whenUserDefinesRetryPolicyQualifiedWithAnExecutorsNameShouldBackOff() {
		this.contextRunner.withUserConfiguration(RetryPolicyConfiguration.class)
			.withPropertyValues("executor.retry.max-retries=2", "executor.named.reports.max-workers=1")
			.run((context) -> {
				RetryPolicy own = context.getBean("reportsRetryPolicy", RetryPolicy.class);
				assertThat(context.getBean("reportsManagedExecutor", ManagedExecutor.class).spec().retry())
					.isSameAs(own);
				assertThat(context.getBean(ManagedExecutor.class).spec().retry()).isNotNull().isNotSameAs(own);
			});
	}

	@Test
	void unqualifiedRetryPolicyBeanShouldNotReplaceAnyExecutorsPolicy() {
		this.contextRunner.withUserConfiguration(UnqualifiedRetryPolicyConfiguration.class)
			.run((context) -> assertThat(context.getBean(ManagedExecutor.class).spec().retry()).isNull());
	}

	@Configuration(proxyBeanMethods = false)
	static class RetryPolicyConfiguration {

		// tag::policy-bean[]
		@Bean
		@Qualifier("reports")
		RetryPolicy reportsRetryPolicy() {
			return RetryPolicy.builder()
				.maxRetries(5)
				.delay(Duration.ofMillis(500))
				.multiplier(2)
				.timeout(Duration.ofMinutes(1))
				.predicate((ex) -> !(ex instanceof IllegalArgumentException))
				.build();
		}
		// end::policy-bean[]

	}

	@Configuration(proxyBeanMethods = false)
	static class UnqualifiedRetryPolicyConfiguration {

		@Bean
		RetryPolicy anyRetryPolicy() {
			return RetryPolicy.withMaxRetries(5);
		}

	}

}
