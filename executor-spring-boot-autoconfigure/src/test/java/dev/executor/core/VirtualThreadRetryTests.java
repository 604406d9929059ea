package dev.executor.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.RunningTasks;
import dev.executor.TaskOptions;
import dev.executor.TaskThrottle;
import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the retries of failed tasks on a virtual-thread executor configured with
 * {@code executor.retry.*}.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadRetryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class))
		.withPropertyValues("executor.type=virtual", "executor.max-workers=1", "executor.retry.max-retries=2",
				"executor.retry.delay=10ms", "executor.retry.includes=java.lang.IllegalStateException");

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void taskFailingTwiceThenSucceedingShouldCompleteAfterThreeAttempts() {
		this.contextRunner.run((context) -> {
			FutureProxy<String> future = context.getBean(ManagedExecutor.class)
				.submit(() -> failTimes(2, new IllegalStateException("failure")));
			assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("done");
			assertThat(future.attempts()).isEqualTo(3);
		});
	}

	@Test
	void failureNotIncludedShouldFailAtTheFirstAttempt() {
		this.contextRunner.run((context) -> {
			FutureProxy<String> future = context.getBean(ManagedExecutor.class)
				.submit(() -> failTimes(2, new UnsupportedOperationException("not included")));
			assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
				.withCauseExactlyInstanceOf(UnsupportedOperationException.class);
			assertThat(future.attempts()).isEqualTo(1);
		});
	}

	@Test
	void backOffShouldNotHoldTheOnlyPermit() {
		this.contextRunner.run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			RetryPolicy slow = RetryPolicy.builder().maxRetries(1).delay(Duration.ofSeconds(5)).build();
			FutureProxy<String> retried = executor.with(TaskOptions.retry(slow))
				.submit(() -> failTimes(1, new IllegalStateException("failure")));
			await().until(() -> this.calls.get() == 1 && retried.attempts() == 1);
			assertThat(executor.submit(() -> "other").get(5, TimeUnit.SECONDS)).isEqualTo("other");
			assertThat(retried.state()).isEqualTo(FutureState.PENDING);
		});
	}

	@Test
	void tasksWaitingForTheirThrottleShouldNotHoldAPermit() {
		this.contextRunner.withPropertyValues("executor.max-workers=2").run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			RunningTasks tasks = new RunningTasks();
			ManagedExecutor throttled = executor.with(TaskOptions.throttle(TaskThrottle.queueing("one", 1)));
			List<FutureProxy<String>> waiting = List.of(throttled.submit(tasks::blocked), throttled.submit(tasks::blocked),
					throttled.submit(tasks::blocked));
			await().until(() -> tasks.running() == 1);
			assertThat(executor.submit(() -> "other").get(5, TimeUnit.SECONDS)).isEqualTo("other");
			tasks.release();
			assertThat(waiting).allSatisfy((future) -> assertThat(future.join()).isEqualTo("done"));
			assertThat(tasks.mostRunning()).isEqualTo(1);
		});
	}

	private String failTimes(int failures, RuntimeException failure) {
		if (this.calls.incrementAndGet() <= failures) {
			throw failure;
		}
		return "done";
	}

}
