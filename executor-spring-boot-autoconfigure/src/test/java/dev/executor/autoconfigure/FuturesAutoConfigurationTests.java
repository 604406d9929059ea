package dev.executor.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.executor.DoneCallback;
import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.TaskFailedEvent;
import dev.executor.TaskFailureHandler;
import dev.executor.TaskTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the futures, done-callbacks and failure reporting of the executors that
 * {@link ExecutorAutoConfiguration} creates.
 */
class FuturesAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class))
		.withPropertyValues("executor.named.reports.max-workers=1", "executor.named.notifications.max-workers=1");

	@Test
	void doneCallbackBeanShouldRunForTheFuturesOfEveryExecutor() {
		this.contextRunner.withUserConfiguration(DoneCallbackConfiguration.class).run((context) -> {
			List<String> calledBack = context.getBean(DoneCallbackConfiguration.class).calledBack;
			submitToEach(context.getBean(ManagedExecutors.class));
			await().untilAsserted(
					() -> assertThat(calledBack).containsExactlyInAnyOrder("default", "reports", "notifications"));
		});
	}

	@Test
	void doneCallbackBeanShouldRunOnlyForTheExecutorsItAppliesTo() {
		this.contextRunner.withUserConfiguration(SelectiveDoneCallbackConfiguration.class).run((context) -> {
			List<String> calledBack = context.getBean(SelectiveDoneCallbackConfiguration.class).calledBack;
			ManagedExecutors executors = context.getBean(ManagedExecutors.class);
			submitToEach(executors);
			awaitIdle(executors);
			assertThat(calledBack).containsExactly("reports");
		});
	}

	@Test
	void propagateExceptionsShouldHandFailuresToHandlerBeansAndPublishThem() {
		this.contextRunner.withUserConfiguration(FailureRecorderConfiguration.class)
			.withPropertyValues("executor.propagate-exceptions=true")
			.run((context) -> {
				FailureRecorderConfiguration recorder = context.getBean(FailureRecorderConfiguration.class);
				FutureProxy<?> future = context.getBean(ManagedExecutor.class).submitStored("job-1", this::fail);
				await().until(() -> recorder.published.size() == 1);
				assertThat(recorder.handled).singleElement().satisfies((event) -> {
					assertThat(event.getFuture()).isSameAs(future);
					assertThat(event.getKey()).hasValue("job-1");
					assertThat(event.getException()).hasMessage("boom");
				});
				assertThat(recorder.published).containsExactlyElementsOf(recorder.handled);
			});
	}

	@Test
	void propagateExceptionsOfANamedExecutorShouldApplyToThatExecutorOnly() {
		this.contextRunner.withUserConfiguration(FailureRecorderConfiguration.class)
			.withPropertyValues("executor.named.notifications.propagate-exceptions=true")
			.run((context) -> {
				FailureRecorderConfiguration recorder = context.getBean(FailureRecorderConfiguration.class);
				ManagedExecutors executors = context.getBean(ManagedExecutors.class);
				executors.forEach((executor) -> executor.submit(this::fail));
				awaitIdle(executors);
				assertThat(recorder.handled).singleElement()
					.extracting(TaskFailedEvent::getExecutorName)
					.isEqualTo("notifications");
				assertThat(recorder.published).hasSize(1);
			});
	}

	@Test
	void failuresShouldStayInTheFuturesWhenExceptionsAreNotPropagated() {
		this.contextRunner.withUserConfiguration(FailureRecorderConfiguration.class).run((context) -> {
			FailureRecorderConfiguration recorder = context.getBean(FailureRecorderConfiguration.class);
			ManagedExecutors executors = context.getBean(ManagedExecutors.class);
			FutureProxy<String> future = context.getBean(ManagedExecutor.class).submit(this::fail);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
				.withCauseInstanceOf(IllegalStateException.class);
			awaitIdle(executors);
			assertThat(recorder.handled).isEmpty();
			assertThat(recorder.published).isEmpty();
		});
	}

	@Test
	void taskTimeoutShouldFailTasksThatRunTooLong() {
		this.contextRunner.withPropertyValues("executor.named.reports.task-timeout=100ms").run((context) -> {
			ManagedExecutor reports = context.getBean(ManagedExecutors.class).get("reports");
			FutureProxy<Boolean> future = reports.submit(() -> new CountDownLatch(1).await(5, TimeUnit.SECONDS));
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TaskTimeoutException.class)
				.withMessage("Task on executor 'reports' did not finish within its timeout of PT0.1S and was "
						+ "cancelled");
		});
	}

	@Test
	void storedFuturesShouldKeepFiftyByDefault() {
		this.contextRunner.run((context) -> assertThat(context.getBean(ManagedExecutor.class).futures().maxLength())
			.isEqualTo(50));
	}

	@Test
	void futuresMaxLengthShouldBeConfigurablePerExecutor() {
		this.contextRunner.withPropertyValues("executor.futures.max-length=10",
				"executor.named.reports.futures.max-length=2")
			.run((context) -> {
				ManagedExecutors executors = context.getBean(ManagedExecutors.class);
				assertThat(executors.get("default").futures().maxLength()).isEqualTo(10);
				assertThat(executors.get("reports").futures().maxLength()).isEqualTo(2);
			});
	}

	private void submitToEach(ManagedExecutors executors) {
		executors.forEach((executor) -> executor.submit(() -> executor.name()));
	}

	private void awaitIdle(ManagedExecutors executors) {
		executors.forEach(
				(executor) -> await().until(() -> executor.stats().inFlight() == 0));
	}

	private String fail() {
		throw new IllegalStateException("boom");
	}

	@Configuration(proxyBeanMethods = false)
	static class DoneCallbackConfiguration {

		final List<String> calledBack = new CopyOnWriteArrayList<>();

		@Bean
		DoneCallback recordingCallback() {
			return (future) -> this.calledBack.add(future.executorName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SelectiveDoneCallbackConfiguration {

		final List<String> calledBack = new CopyOnWriteArrayList<>();

		@Bean
		DoneCallback reportsCallback() {
			return new DoneCallback() {

				@Override
				public void accept(FutureProxy<?> future) {
					SelectiveDoneCallbackConfiguration.this.calledBack.add(future.executorName());
				}

				@Override
				public boolean appliesTo(String executorName) {
					return "reports".equals(executorName);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailureRecorderConfiguration {

		final List<TaskFailedEvent> handled = new CopyOnWriteArrayList<>();

		final List<TaskFailedEvent> published = new CopyOnWriteArrayList<>();

		@Bean
		TaskFailureHandler recordingFailureHandler() {
			return this.handled::add;
		}

		@Bean
		ApplicationListener<TaskFailedEvent> recordingFailureListener() {
			return this.published::add;
		}

	}

}
