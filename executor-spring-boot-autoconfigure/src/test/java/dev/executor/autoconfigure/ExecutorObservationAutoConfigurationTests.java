package dev.executor.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.ManagedExecutor;
import dev.executor.actuate.observation.TaskObservations;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExecutorObservationAutoConfiguration}.
 */
class ExecutorObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
				TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class,
				ExecutorObservationAutoConfiguration.class))
		.withUserConfiguration(RecordingHandlerConfiguration.class);

	@Test
	void taskShouldRunInAnObservationWhoseParentIsTheSubmittersCurrentObservation() {
		this.contextRunner.run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			Observation request = Observation.start("request", registry);
			Observation current;
			try (Observation.Scope scope = request.openScope()) {
				current = executor.submit(registry::getCurrentObservation).get(5, TimeUnit.SECONDS);
			}
			request.stop();
			Observation.Context task = stoppedTask(context.getBean(RecordingHandler.class));
			assertThat(current.getContext()).isSameAs(task);
			assertThat(task.getName()).isEqualTo("executor.task");
			assertThat(task.getContextualName()).isEqualTo("task default");
			assertThat(task.getParentObservation()).isSameAs(request);
			assertThat(task.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(KeyValue.of("name", "default"),
					KeyValue.of("outcome", "success"));
		});
	}

	@Test
	void failedTaskShouldEndItsObservationWithTheError() {
		this.contextRunner.run((context) -> {
			IllegalStateException failure = new IllegalStateException("failed");
			context.getBean(ManagedExecutor.class).submit(() -> {
				throw failure;
			});
			Observation.Context task = stoppedTask(context.getBean(RecordingHandler.class));
			assertThat(task.getError()).isSameAs(failure);
			assertThat(task.getLowCardinalityKeyValue("outcome")).isEqualTo(KeyValue.of("outcome", "failure"));
		});
	}

	@Test
	void retriedTaskShouldHaveAnObservationPerAttemptEachAChildOfTheSubmitters() {
		this.contextRunner.withPropertyValues("executor.retry.max-retries=2", "executor.retry.delay=10ms")
			.run((context) -> {
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				AtomicInteger calls = new AtomicInteger();
				Observation request = Observation.start("request", registry);
				try (Observation.Scope scope = request.openScope()) {
					context.getBean(ManagedExecutor.class).submit(() -> {
						if (calls.incrementAndGet() < 3) {
							throw new IllegalStateException("failure " + calls.get());
						}
						return "done";
					}).get(5, TimeUnit.SECONDS);
				}
				request.stop();
				RecordingHandler handler = context.getBean(RecordingHandler.class);
				await().until(() -> handler.stopped.size() == 3);
				assertThat(handler.stopped).allSatisfy((task) -> assertThat(task.getParentObservation()).isSameAs(request));
				assertThat(handler.stopped).extracting((task) -> task.getLowCardinalityKeyValue("outcome").getValue())
					.containsExactly("failure", "failure", "success");
				assertThat(handler.stopped).extracting((task) -> task.getHighCardinalityKeyValue("attempt"))
					.containsExactly(null, KeyValue.of("attempt", "2"), KeyValue.of("attempt", "3"));
			});
	}

	@Test
	void storedTaskShouldCarryItsKeyAsAHighCardinalityKeyValue() {
		this.contextRunner.run((context) -> {
			context.getBean(ManagedExecutor.class).submitStored("job-1", () -> "done").get(5, TimeUnit.SECONDS);
			Observation.Context task = stoppedTask(context.getBean(RecordingHandler.class));
			assertThat(task.getHighCardinalityKeyValue("key")).isEqualTo(KeyValue.of("key", "job-1"));
		});
	}

	@Test
	void taskObservationsWhenThereIsNoObservationRegistryShouldNotBeAutoConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ExecutorAutoConfiguration.class,
					ExecutorObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ManagedExecutor.class)
				.doesNotHaveBean(TaskObservations.class));
	}

	@Test
	void taskObservationsWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserTaskObservationsConfiguration.class)
			.run((context) -> assertThat(context).getBean(TaskObservations.class)
				.isSameAs(context.getBean("userTaskObservations")));
	}

	private static Observation.Context stoppedTask(RecordingHandler handler) {
		await().until(() -> !handler.stopped.isEmpty());
		return handler.stopped.get(0);
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingHandlerConfiguration {

		@Bean
		RecordingHandler recordingHandler() {
			return new RecordingHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTaskObservationsConfiguration {

		@Bean
		TaskObservations userTaskObservations(ObservationRegistry registry) {
			return new TaskObservations(registry);
		}

	}

	static class RecordingHandler implements ObservationHandler<Observation.Context> {

		private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			if (TaskObservations.NAME.equals(context.getName())) {
				this.stopped.add(context);
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
