package dev.executor.process;

import java.util.concurrent.TimeUnit;

import dev.executor.ManagedExecutor;
import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that what travels into worker processes follows the executor's
 * {@code context.*} settings, as for tasks that stay in the JVM.
 */
class ProcessContextIncludeTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class))
		.withPropertyValues("executor.type=process", "executor.max-workers=1");

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void mdcLeftOutOfContextIncludeShouldNotReachTheWorker() {
		this.contextRunner.withPropertyValues("executor.context.include=security").run((context) -> {
			MDC.put("requestId", "42");
			assertThat(context.getBean(ManagedExecutor.class).submit(() -> MDC.get("requestId")).get(30,
					TimeUnit.SECONDS))
				.isNull();
		});
	}

	@Test
	void mdcInContextIncludeShouldReachTheWorker() {
		this.contextRunner.withPropertyValues("executor.context.include=mdc").run((context) -> {
			MDC.put("requestId", "42");
			assertThat(context.getBean(ManagedExecutor.class).submit(() -> MDC.get("requestId")).get(30,
					TimeUnit.SECONDS))
				.isEqualTo("42");
		});
	}

	@Test
	void executorThatDoesNotPropagateContextShouldSendNoMdcToTheWorker() {
		this.contextRunner.withPropertyValues("executor.context.propagate=false").run((context) -> {
			MDC.put("requestId", "42");
			assertThat(context.getBean(ManagedExecutor.class).submit(() -> MDC.get("requestId")).get(30,
					TimeUnit.SECONDS))
				.isNull();
		});
	}

}
