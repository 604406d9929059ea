package dev.executor.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.RunningTasks;
import dev.executor.ManagedExecutor;
import dev.executor.TaskOptions;
import dev.executor.TaskThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.resilience.InvocationRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for tasks submitted under a {@link TaskThrottle}.
 */
class TaskThrottleTests {

	private final TestExecutors executors = new TestExecutors();

	private final RunningTasks tasks = new RunningTasks();

	@AfterEach
	void shutDown() {
		this.tasks.release();
		this.executors.close();
	}

	@Test
	void queueingThrottleShouldNeverLetMoreThanItsLimitRunAndRunEveryTaskInTheEnd() {
		TaskThrottle throttle = TaskThrottle.queueing("reports", 2);
		ManagedExecutor executor = executor(8).with(TaskOptions.throttle(throttle));
		List<FutureProxy<String>> futures = submit(executor, 20);
		await().until(() -> this.tasks.running() == 2 && throttle.waiting() == 18);
		this.tasks.release();
		assertThat(futures).allSatisfy((future) -> assertThat(future.join()).isEqualTo("done"));
		assertThat(this.tasks.mostRunning()).isEqualTo(2);
		assertThat(throttle.admitted()).isZero();
		assertThat(throttle.waiting()).isZero();
	}

	@Test
	void tasksWaitingForAPlaceShouldNotHoldAWorker() {
		DelegatingManagedExecutor executor = executor(2);
		List<FutureProxy<String>> waiting = submit(executor.with(TaskOptions.throttle(TaskThrottle.queueing("one", 1))),
				5);
		await().until(() -> this.tasks.running() == 1);
		assertThat(executor.submit(() -> "other").join()).isEqualTo("other");
		assertThat(waiting).filteredOn(FutureProxy::isDone).isEmpty();
		assertThat(waiting).extracting(FutureProxy::state).containsOnly(FutureState.RUNNING, FutureState.PENDING);
	}

	@Test
	void cancelledWaitingTaskShouldEndCancelledAndNeverRun() {
		TaskThrottle throttle = TaskThrottle.queueing("one", 1);
		ManagedExecutor executor = executor(2).with(TaskOptions.throttle(throttle));
		FutureProxy<String> first = executor.submit(this.tasks::blocked);
		AtomicInteger secondRuns = new AtomicInteger();
		FutureProxy<String> second = executor.submit(() -> "ran " + secondRuns.incrementAndGet());
		FutureProxy<String> third = executor.submit(() -> "third");
		await().until(() -> this.tasks.running() == 1);
		assertThat(second.cancel(false)).isTrue();
		this.tasks.release();
		assertThat(first.join()).isEqualTo("done");
		assertThat(third.join()).isEqualTo("third");
		assertThat(second.isCancelled()).isTrue();
		assertThat(secondRuns).hasValue(0);
		assertThat(throttle.admitted()).isZero();
	}

	@Test
	void cancelledRunningTaskShouldLeaveItsPlaceToAWaitingOne() {
		ManagedExecutor executor = executor(2).with(TaskOptions.throttle(TaskThrottle.queueing("one", 1)));
		FutureProxy<String> first = executor.submit(this.tasks::blocked);
		FutureProxy<String> second = executor.submit(() -> "second");
		await().until(() -> this.tasks.running() == 1);
		first.cancel(true);
		assertThat(second.join()).isEqualTo("second");
	}

	@Test
	void shutdownShouldEndWaitingTasksCancelled() {
		DelegatingManagedExecutor executor = executor(2);
		List<FutureProxy<String>> futures = submit(executor.with(TaskOptions.throttle(TaskThrottle.queueing("one", 1))),
				3);
		await().until(() -> this.tasks.running() == 1);
		executor.shutdown();
		assertThat(futures.subList(1, 3)).allSatisfy((future) -> assertThat(future.isCancelled()).isTrue());
		this.tasks.release();
		assertThat(futures.get(0).join()).isEqualTo("done");
	}

	@Test
	void rejectingThrottleShouldRefuseExactlyTheTasksOverItsLimit() {
		TaskThrottle throttle = TaskThrottle.rejecting("lookups", 3);
		ManagedExecutor executor = executor(8).with(TaskOptions.throttle(throttle));
		List<FutureProxy<String>> accepted = new ArrayList<>();
		List<InvocationRejectedException> refused = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			try {
				accepted.add(executor.submit(this.tasks::blocked));
			}
			catch (InvocationRejectedException ex) {
				refused.add(ex);
			}
		}
		assertThat(accepted).hasSize(3);
		assertThat(refused).hasSize(17).first().satisfies((ex) -> {
			assertThat(ex).hasMessage("Concurrency limit of 3 reached, not allowed to enter lookups; "
					+ "wait for a running task to end, or raise the limit");
			assertThat(ex.getTarget()).isSameAs(throttle);
		});
		this.tasks.release();
		accepted.forEach(FutureProxy::join);
		assertThat(executor.submit(() -> "again").join()).isEqualTo("again");
	}

	@Test
	void retriedTaskShouldWaitForAPlaceAgainForEachAttempt() {
		TaskThrottle throttle = TaskThrottle.queueing("flaky", 1);
		DelegatingManagedExecutor executor = executor(4);
		AtomicInteger calls = new AtomicInteger();
		FutureProxy<String> flaky = executor
			.with(TaskOptions.throttle(throttle).withRetry(RetryPolicy.builder().maxRetries(2).delay(Duration.ZERO).build()))
			.submit(() -> {
				if (calls.incrementAndGet() < 3) {
					throw new IllegalStateException("failure " + calls.get());
				}
				return "done";
			});
		assertThat(flaky.join()).isEqualTo("done");
		assertThat(flaky.attempts()).isEqualTo(3);
		assertThat(throttle.admitted()).isZero();
	}

	@Test
	void limitBelowOneShouldBeRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskThrottle.queueing("reports", 0))
			.withMessage("The limit of task throttle 'reports' is 0; it must be at least 1");
	}

	@Test
	void waitingTaskShouldEndWhenItsExecutorCloses() {
		DelegatingManagedExecutor executor = executor(1);
		ManagedExecutor throttled = executor.with(TaskOptions.throttle(TaskThrottle.queueing("one", 1)));
		throttled.submit(this.tasks::blocked);
		FutureProxy<String> waiting = throttled.submit(() -> "never");
		await().until(() -> this.tasks.running() == 1);
		executor.shutdownNow();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(waiting::join);
	}

	private DelegatingManagedExecutor executor(int workers) {
		return this.executors.create(TestSpecs.spec("throttled").withMaxWorkers(workers));
	}

	private List<FutureProxy<String>> submit(ManagedExecutor executor, int count) {
		List<FutureProxy<String>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			futures.add(executor.submit(this.tasks::blocked));
		}
		return futures;
	}

}
