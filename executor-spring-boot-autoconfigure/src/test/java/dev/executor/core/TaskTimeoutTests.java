package dev.executor.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.TaskTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the timeouts of tasks on a {@link DelegatingManagedExecutor}.
 */
// Flask-Executor #42: Flask-Executor had no task timeouts at all
class TaskTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofMillis(100);

	private final TestExecutors executors = new TestExecutors();

	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch interrupted = new CountDownLatch(1);

	@AfterEach
	void shutDown() {
		this.release.countDown();
		this.executors.close();
	}

	@Test
	void taskStillRunningAtTheTaskTimeoutShouldFailWithTaskTimeoutException() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("timeouts").withTaskTimeout(TIMEOUT));
		FutureProxy<?> future = executor.submit(this::awaitRelease);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(TaskTimeoutException.class, (ex) -> {
				assertThat(ex).hasMessage(
						"Task on executor 'timeouts' did not finish within its timeout of PT0.1S and was cancelled");
				assertThat(ex.getExecutorName()).isEqualTo("timeouts");
				assertThat(ex.getKey()).isEmpty();
				assertThat(ex.getTimeout()).isEqualTo(TIMEOUT);
			});
		assertThat(future.state()).isEqualTo(FutureState.FAILED);
	}

	@Test
	void taskStillRunningAtTheTaskTimeoutShouldBeInterrupted() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("timeouts").withTaskTimeout(TIMEOUT));
		executor.submit(this::awaitRelease);
		assertThat(this.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void timeoutOfTheCallShouldApplyWithoutATaskTimeout() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("timeouts"));
		FutureProxy<Void> future = executor.submit(() -> {
			awaitRelease();
			return null;
		}, TIMEOUT);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(TaskTimeoutException.class);
		assertThat(this.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void timeoutOfAStoredTaskShouldNameItsKey() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("timeouts"));
		FutureProxy<Void> future = executor.submitStored("nightly", () -> {
			awaitRelease();
			return null;
		}, TIMEOUT);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(TaskTimeoutException.class, (ex) -> {
				assertThat(ex).hasMessage("Task 'nightly' on executor 'timeouts' did not finish within its timeout "
						+ "of PT0.1S and was cancelled");
				assertThat(ex.getKey()).hasValue("nightly");
			});
	}

	@Test
	void taskThatFinishesInTimeShouldKeepItsResult() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("timeouts"));
		assertThat(executor.submit(() -> "quick", Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS)).isEqualTo("quick");
	}

	@Test
	void timeoutShouldBeCountedFromWhenTheTaskStarts() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("timeouts"));
		executor.submit(this::awaitRelease);
		FutureProxy<String> queued = executor.submit(() -> "ran", TIMEOUT);
		assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> queued.get(3 * TIMEOUT.toMillis(),
				TimeUnit.MILLISECONDS));
		this.release.countDown();
		assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			this.interrupted.countDown();
		}
	}

}
