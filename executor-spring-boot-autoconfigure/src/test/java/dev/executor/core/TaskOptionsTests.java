package dev.executor.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.TaskOptions;
import dev.executor.TaskTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TaskOptions} given to {@link ManagedExecutor#with(TaskOptions)}, and
 * for the limits a {@link RetryPolicy} puts on all attempts together.
 */
class TaskOptionsTests {

	private static final RetryPolicy QUICK_RETRIES = RetryPolicy.builder()
		.maxRetries(3)
		.delay(Duration.ofMillis(10))
		.build();

	private final TestExecutors executors = new TestExecutors();

	private final AtomicInteger calls = new AtomicInteger();

	@AfterEach
	void shutDown() {
		this.executors.close();
	}

	@Test
	void retryOptionShouldRetryOnAnExecutorWithoutRetries() {
		ManagedExecutor executor = this.executors.create(TestSpecs.spec("plain"));
		FutureProxy<String> future = executor.with(TaskOptions.retry(QUICK_RETRIES)).submit(() -> failTimes(2));
		assertThat(future.join()).isEqualTo("done");
		assertThat(future.attempts()).isEqualTo(3);
	}

	@Test
	void retryWithoutBackOffShouldQueueTheNextAttemptAtOnce() {
		ManagedExecutor executor = this.executors.create(TestSpecs.spec("plain"));
		RetryPolicy immediate = RetryPolicy.builder().maxRetries(2).delay(Duration.ZERO).build();
		FutureProxy<String> future = executor.with(TaskOptions.retry(immediate)).submit(() -> failTimes(2));
		assertThat(future.join()).isEqualTo("done");
		assertThat(future.attempts()).isEqualTo(3);
	}

	@Test
	void noRetryOptionShouldFailAtTheFirstFailureOnARetryingExecutor() {
		ManagedExecutor executor = this.executors.create(TestSpecs.spec("retrying").withRetry(QUICK_RETRIES));
		FutureProxy<String> future = executor.with(TaskOptions.noRetry()).submit(() -> failTimes(2));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join).havingCause().withMessage("failure 1");
		assertThat(future.attempts()).isEqualTo(1);
	}

	@Test
	void timeoutOptionShouldLimitEachAttempt() {
		ManagedExecutor executor = this.executors.create(TestSpecs.spec("plain"));
		FutureProxy<String> future = executor
			.with(TaskOptions.retry(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(10)).build())
				.withTimeout(Duration.ofMillis(100)))
			.submit(this::blockForever);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
			.withCauseInstanceOf(TaskTimeoutException.class);
		assertThat(future.attempts()).isEqualTo(2);
	}

	@Test
	void timeoutGivenToTheCallShouldWinOverTheOptions() {
		ManagedExecutor executor = this.executors.create(TestSpecs.spec("plain"));
		FutureProxy<String> future = executor.with(TaskOptions.timeout(Duration.ofDays(1)))
			.submit(this::blockForever, Duration.ofMillis(100));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
			.withCauseInstanceOf(TaskTimeoutException.class);
	}

	@Test
	void mapThroughOptionsShouldRetryEachItem() {
		ManagedExecutor executor = this.executors.create(TestSpecs.spec("plain"));
		List<AtomicInteger> counts = List.of(new AtomicInteger(), new AtomicInteger());
		List<Integer> attempts = executor.with(TaskOptions.retry(QUICK_RETRIES)).map((AtomicInteger count) -> {
			if (count.incrementAndGet() < 2) {
				throw new IllegalStateException("first attempt");
			}
			return count.get();
		}, counts).toList();
		assertThat(attempts).containsExactly(2, 2);
	}

	@Test
	void viewShouldShareStoredFuturesAndDefaultDoneCallbacksWithItsExecutor() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("plain"));
		List<String> done = new CopyOnWriteArrayList<>();
		executor.addDefaultDoneCallback((future) -> done.add(future.key().orElse("none")));
		executor.with(TaskOptions.retry(QUICK_RETRIES)).submitStored("job-1", () -> failTimes(1)).join();
		assertThat(executor.futures().keys()).containsExactly("job-1");
		await().until(() -> done.contains("job-1"));
	}

	@Test
	void optionsOfAViewOfAViewShouldKeepWhatTheNewOnesLeaveUnset() {
		ManagedExecutor executor = this.executors.create(TestSpecs.spec("plain"));
		FutureProxy<String> future = executor.with(TaskOptions.retry(QUICK_RETRIES))
			.with(TaskOptions.timeout(Duration.ofSeconds(30)))
			.submit(() -> failTimes(1));
		assertThat(future.join()).isEqualTo("done");
		assertThat(future.attempts()).isEqualTo(2);
	}

	@Test
	void policyTimeoutShouldStartNoAttemptThatWouldBeginAfterIt() {
		RetryPolicy bounded = RetryPolicy.builder()
			.maxRetries(5)
			.delay(Duration.ofSeconds(2))
			.timeout(Duration.ofSeconds(1))
			.build();
		ManagedExecutor executor = this.executors.create(TestSpecs.spec("plain"));
		FutureProxy<String> future = executor.with(TaskOptions.retry(bounded)).submit(() -> failTimes(1));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join).havingCause().withMessage("failure 1");
		assertThat(future.attempts()).isEqualTo(1);
	}

	@Test
	void retriesShouldBeCountedInTheExecutorsFigures() {
		ManagedExecutor executor = this.executors.create(TestSpecs.spec("retrying").withRetry(QUICK_RETRIES));
		executor.submit(() -> failTimes(2)).join();
		assertThat(executor.stats().retries()).isEqualTo(2);
		assertThat(executor.stats().failed()).isZero();
	}

	@Test
	void timeoutThatIsNotPositiveShouldBeRefusedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskOptions.timeout(Duration.ofSeconds(-5)))
			.withMessage("Task timeout PT-5S must be positive");
	}

	@Test
	void toStringShouldSayWhatComesFromTheExecutor() {
		assertThat(TaskOptions.timeout(Duration.ofSeconds(5))).hasToString("TaskOptions[retry=executor's, timeout=PT5S]");
		assertThat(TaskOptions.noRetry()).hasToString("TaskOptions[retry=none, timeout=executor's]");
	}

	private String failTimes(int failures) {
		int call = this.calls.incrementAndGet();
		if (call <= failures) {
			throw new IllegalStateException("failure " + call);
		}
		return "done";
	}

	private String blockForever() throws InterruptedException {
		new CountDownLatch(1).await();
		return "never";
	}

}
