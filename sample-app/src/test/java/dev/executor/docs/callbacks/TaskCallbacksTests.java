package dev.executor.docs.callbacks;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the callback examples of {@code docs/observability.md}.
 */
class TaskCallbacksTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ExecutorAutoConfiguration.class))
		.withBean(ReportDurations.class)
		.withBean(FailureAlerts.class)
		.withPropertyValues("executor.named.reports.max-workers=1", "executor.named.reports.propagate-exceptions=true");

	@Test
	void doneCallbackShouldSeeEveryTaskOfTheExecutorItAppliesTo() {
		this.contextRunner.run((context) -> {
			context.getBean(ManagedExecutor.class).submit(() -> "elsewhere").join();
			context.getBean(ManagedExecutors.class).get("reports").submit(() -> "q3").join();
			ReportDurations durations = context.getBean(ReportDurations.class);
			await().untilAsserted(() -> assertThat(durations.durations()).isNotEmpty());
			assertThat(durations.durations()).hasSize(1);
		});
	}

	@Test
	void failedEventShouldNameTheKeyTheExecutorAndTheException() {
		this.contextRunner.run((context) -> {
			FutureProxy<String> export = context.getBean(ManagedExecutors.class)
				.get("reports")
				.submitStored("export-q3", () -> {
					throw new IllegalStateException("No pages");
				});
			await().untilAsserted(() -> assertThat(context.getBean(FailureAlerts.class).alerts())
				.containsExactly("Task 'export-q3' on reports: No pages"));
			assertThat(export.isCompletedExceptionally()).isTrue();
		});
	}

}
