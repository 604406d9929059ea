package dev.executor.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.TaskFailedEvent;
import dev.executor.TaskTimeoutException;
import dev.executor.spi.TaskListener;
import dev.executor.spi.TaskOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the retries of failed tasks by a {@link DelegatingManagedExecutor}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskRetryTests {

	private static final Duration QUICK = Duration.ofMillis(10);

	private static final Duration LONG = Duration.ofSeconds(5);

	private final TestExecutors executors = new TestExecutors();

	private final AtomicInteger calls = new AtomicInteger();

	@AfterEach
	void shutDown() {
		this.executors.close();
	}

	@Test
	void taskFailingTwiceThenSucceedingShouldCompleteAfterThreeAttempts() {
		DelegatingManagedExecutor executor = retrying(RetryPolicy.builder().maxRetries(3).delay(QUICK).build());
		FutureProxy<String> future = executor.submit(() -> failTimes(2, "done"));
		assertThat(future.join()).isEqualTo("done");
		assertThat(future.attempts()).isEqualTo(3);
	}

	@Test
	void alwaysFailingTaskShouldFailWithTheLastFailureAfterMaxRetriesPlusOneAttempts() {
		DelegatingManagedExecutor executor = retrying(RetryPolicy.builder().maxRetries(2).delay(QUICK).build());
		FutureProxy<String> future = executor.submit(() -> failTimes(10, "never"));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
			.havingCause()
			.withMessage("failure 3")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).extracting(Throwable::getMessage)
				.containsExactly("failure 1", "failure 2"));
		assertThat(future.attempts()).isEqualTo(3);
		assertThat(this.calls).hasValue(3);
	}

	@Test
	void alwaysFailingTaskShouldBeReportedOnceSayingHowManyAttemptsRan(CapturedOutput output) {
		List<TaskFailedEvent> handled = new CopyOnWriteArrayList<>();
		DelegatingManagedExecutor executor = this.executors.create(
				TestSpecs.spec("reports")
					.withPropagateExceptions(true)
					.withRetry(RetryPolicy.builder().maxRetries(1).delay(QUICK).build()),
				new TaskFailureReporter(List.of(handled::add), (event) -> {
				}));
		FutureProxy<String> future = executor.submitStored("job-1", () -> failTimes(10, "never"));
		await().until(future::isDone);
		await().until(() -> !handled.isEmpty());
		assertThat(handled).singleElement().satisfies((event) -> assertThat(event.getFuture().attempts()).isEqualTo(2));
		assertThat(output).contains("Task 'job-1' on executor 'reports' failed after 2 attempts");
	}

	@Test
	void retriedFailureShouldBeLoggedOnceAtWarnWithTheAttemptAndTheDelay(CapturedOutput output) {
		DelegatingManagedExecutor executor = retrying(RetryPolicy.builder().maxRetries(2).delay(QUICK).build());
		executor.submitStored("job-1", () -> failTimes(1, "done")).join();
		assertThat(output).containsOnlyOnce("failed on attempt")
			.contains("WARN")
			.contains("Task 'job-1' on executor 'retrying' failed on attempt 1 of 3, retrying in 10ms: "
					+ "java.lang.IllegalStateException: failure 1");
	}

	@Test
	void backOffShouldNotHoldTheWorker() {
		DelegatingManagedExecutor executor = retrying(RetryPolicy.builder().maxRetries(1).delay(LONG).build());
		FutureProxy<String> retried = executor.submit(() -> failTimes(1, "done"));
		await().until(() -> retried.attempts() == 1 && this.calls.get() == 1);
		FutureProxy<String> other = executor.submit(() -> "other");
		assertThat(other.join()).isEqualTo("other");
		assertThat(retried.state()).isEqualTo(FutureState.PENDING);
		assertThat(retried.attempts()).isEqualTo(1);
	}

	@Test
	void futureWaitingForItsNextAttemptShouldShowTheLastAttemptsFailure() {
		DelegatingManagedExecutor executor = retrying(RetryPolicy.builder().maxRetries(1).delay(LONG).build());
		FutureProxy<String> retried = executor.submit(() -> failTimes(1, "done"));
		await().until(() -> retried.lastFailure().isPresent());
		assertThat(retried.lastFailure()).get().extracting(Throwable::getMessage).isEqualTo("failure 1");
		assertThat(retried.state()).isEqualTo(FutureState.PENDING);
		assertThat(retried.failure()).isEmpty();
	}

	@Test
	void failedFutureShouldShowItsOwnFailureAsTheLast() {
		DelegatingManagedExecutor executor = retrying(RetryPolicy.builder().maxRetries(1).delay(QUICK).build());
		FutureProxy<String> future = executor.submit(() -> failTimes(10, "never"));
		await().until(future::isDone);
		assertThat(future.lastFailure()).isEqualTo(future.failure()).get().extracting(Throwable::getMessage)
			.isEqualTo("failure 2");
	}

	@Test
	void cancelDuringBackOffShouldEndTheFutureCancelledAndStartNoAttempt() throws InterruptedException {
		DelegatingManagedExecutor executor = retrying(RetryPolicy.builder().maxRetries(1).delay(QUICK).build());
		List<TaskOutcome> ended = new CopyOnWriteArrayList<>();
		executor.addTaskListener(new TaskListener() {

			@Override
			public Scope taskStarted(FutureProxy<?> future) {
				// an attempt's scope closes with its own outcome once its retry is due
				return (outcome) -> future.cancel(false);
			}

			@Override
			public void taskEnded(FutureProxy<?> future, TaskOutcome outcome, long durationNanos) {
				ended.add(outcome);
			}

		});
		FutureProxy<String> future = executor.submit(() -> failTimes(1, "done"));
		await().until(future::isDone);
		afterTheBackOff(executor);
		assertThat(future.isCancelled()).isTrue();
		assertThat(this.calls).hasValue(1);
		// listeners hear that the mark ended after its future completed
		await().untilAsserted(() -> assertThat(ended).containsExactly(TaskOutcome.CANCELLED, TaskOutcome.SUCCESS));
	}

	@Test
	void shutdownDuringBackOffShouldEndTheFutureCancelled() {
		DelegatingManagedExecutor executor = retrying(RetryPolicy.builder().maxRetries(1).delay(LONG).build());
		FutureProxy<String> future = executor.submit(() -> failTimes(1, "done"));
		await().until(() -> future.attempts() == 1 && future.state() == FutureState.PENDING && this.calls.get() == 1);
		executor.shutdown();
		assertThat(future.isCancelled()).isTrue();
		assertThat(future.attempts()).isEqualTo(1);
	}

	@Test
	void excludedFailureShouldNotBeRetried() {
		DelegatingManagedExecutor executor = retrying(
				RetryPolicy.builder().maxRetries(2).delay(QUICK).excludes(IllegalStateException.class).build());
		FutureProxy<String> future = executor.submit(() -> failTimes(1, "done"));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(future.attempts()).isEqualTo(1);
	}

	@Test
	void failureThatIsNotIncludedShouldNotBeRetried() {
		DelegatingManagedExecutor executor = retrying(
				RetryPolicy.builder().maxRetries(2).delay(QUICK).includes(IllegalArgumentException.class).build());
		FutureProxy<String> future = executor.submit(() -> failTimes(1, "done"));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(future.attempts()).isEqualTo(1);
	}

	@Test
	void includedFailureShouldBeRetried() {
		DelegatingManagedExecutor executor = retrying(
				RetryPolicy.builder().maxRetries(2).delay(QUICK).includes(RuntimeException.class).build());
		assertThat(executor.submit(() -> failTimes(1, "done")).join()).isEqualTo("done");
	}

	@Test
	void taskTimeoutShouldApplyToEachAttempt() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("retrying")
			.withTaskTimeout(Duration.ofMillis(200))
			.withRetry(RetryPolicy.builder().maxRetries(2).delay(QUICK).build()));
		FutureProxy<String> future = executor.submit(() -> {
			if (this.calls.incrementAndGet() == 1) {
				new CountDownLatch(1).await();
			}
			return "second";
		});
		assertThat(future.join()).isEqualTo("second");
		assertThat(future.attempts()).isEqualTo(2);
	}

	@Test
	void timedOutLastAttemptShouldFailWithTheTimeout() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("retrying")
			.withTaskTimeout(Duration.ofMillis(100))
			.withRetry(RetryPolicy.builder().maxRetries(1).delay(QUICK).build()));
		FutureProxy<String> future = executor.submit(() -> {
			this.calls.incrementAndGet();
			new CountDownLatch(1).await();
			return "never";
		});
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
			.withCauseInstanceOf(TaskTimeoutException.class);
		assertThat(future.attempts()).isEqualTo(2);
	}

	private DelegatingManagedExecutor retrying(RetryPolicy policy) {
		return this.executors.create(TestSpecs.spec("retrying").withRetry(policy));
	}

	private String failTimes(int failures, String result) {
		int call = this.calls.incrementAndGet();
		if (call <= failures) {
			throw new IllegalStateException("failure " + call);
		}
		return result;
	}

	// the retry scheduler runs what is due in order, and the pool its queue in order: a
	// task queued after a later mark has run after any attempt the back-off let through
	private static void afterTheBackOff(DelegatingManagedExecutor executor) throws InterruptedException {
		CountDownLatch passed = new CountDownLatch(1);
		TaskRetry.schedule(passed::countDown, QUICK.toMillis() * 5);
		assertThat(passed.await(5, TimeUnit.SECONDS)).isTrue();
		executor.submit(() -> "mark").join();
	}

}
