package dev.executor.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.executor.DuplicateFutureKeyException;
import dev.executor.ExecutorStats;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DelegatingManagedExecutor}: stored submissions, default done-callbacks
 * and shutdown.
 */
class DelegatingManagedExecutorTests {

	private final TestExecutors executors = new TestExecutors();

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<FutureProxy<?>> calledBack = new CopyOnWriteArrayList<>();

	@AfterEach
	void shutDown() {
		this.release.countDown();
		this.executors.close();
	}

	@Test
	void submitStoredShouldStoreTheFutureUnderItsKey() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs"));
		FutureProxy<Boolean> future = executor.submitStored("job-1", this::awaitRelease);
		assertThat(executor.futures().<Boolean>get("job-1")).containsSame(future);
		assertThat(executor.futures().keys()).containsExactly("job-1");
	}

	@Test
	void submitStoredWithADuplicateKeyShouldThrowBeforeTheTaskStarts() throws Exception {
		// Flask-Executor submitted the task first and only then found the key taken
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs").withMaxWorkers(2));
		executor.submitStored("job-1", this::awaitRelease);
		AtomicBoolean ran = new AtomicBoolean();
		assertThatExceptionOfType(DuplicateFutureKeyException.class)
			.isThrownBy(() -> executor.submitStored("job-1", () -> ran.set(true)))
			.withMessage("Executor 'jobs' already stores a future under the key 'job-1'; pop it first or choose "
					+ "another key");
		executor.submit(() -> "after").get(5, TimeUnit.SECONDS);
		assertThat(ran).isFalse();
		await().until(() -> executor.stats().inFlight() == 1);
	}

	@Test
	void submitStoredThatIsRejectedShouldNotKeepTheKey() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs").withQueueCapacity(0));
		executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> executor.submitStored("job-1", () -> "rejected"));
		assertThat(executor.futures().contains("job-1")).isFalse();
	}

	@Test
	void defaultDoneCallbackShouldRunForSubmittedAndStoredFuturesAndMapItems() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs"));
		executor.addDefaultDoneCallback(this.calledBack::add);
		FutureProxy<String> submitted = executor.submit(() -> "submitted");
		FutureProxy<String> stored = executor.submitStored("job-1", () -> "stored");
		assertThat(executor.map((n) -> n, List.of(1, 2))).containsExactly(1, 2);
		await().untilAsserted(() -> assertThat(this.calledBack).hasSize(4).contains(submitted, stored));
	}

	@Test
	void defaultDoneCallbackShouldApplyOnlyToFuturesCreatedAfterItWasAdded() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs"));
		FutureProxy<Boolean> before = executor.submit(this::awaitRelease);
		executor.addDefaultDoneCallback(this.calledBack::add);
		FutureProxy<String> after = executor.submit(() -> "after");
		this.release.countDown();
		before.get(5, TimeUnit.SECONDS);
		after.get(5, TimeUnit.SECONDS);
		await().until(() -> executor.stats().inFlight() == 0);
		assertThat(this.calledBack).containsExactly(after);
	}

	@Test
	void defaultDoneCallbackShouldNotSeeTheInternalTasksOfAsyncStages() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs"));
		executor.addDefaultDoneCallback(this.calledBack::add);
		FutureProxy<String> future = executor.submit(() -> "a");
		assertThat(future.thenApplyAsync((a) -> a + "b").get(5, TimeUnit.SECONDS)).isEqualTo("ab");
		await().until(() -> executor.stats().inFlight() == 0);
		assertThat(this.calledBack).containsExactly(future);
	}

	@Test
	void closeShouldLetRunningAndQueuedTasksFinishWithinTheAwaitPeriod() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs"));
		FutureProxy<Boolean> running = executor.submit(this::startAndAwaitRelease);
		FutureProxy<String> queued = executor.submit(() -> "queued");
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> closed = CompletableFuture.runAsync(executor::close);
		await().until(executor::isShutdown);
		this.release.countDown();
		closed.get(5, TimeUnit.SECONDS);
		assertThat(running.state()).isEqualTo(FutureState.FINISHED);
		assertThat(queued.state()).isEqualTo(FutureState.FINISHED);
	}

	@Test
	void closeShouldEndTheFuturesOfTasksThatDoNotFinishWithinTheAwaitPeriod() throws Exception {
		DelegatingManagedExecutor executor = this.executors
			.create(TestSpecs.spec("jobs").withAwaitTerminationPeriod(Duration.ofMillis(100)));
		FutureProxy<?> ignoresInterrupts = executor.submit(new BadlyBehavedTask(this.started, this.release));
		FutureProxy<String> queued = executor.submit(() -> "queued");
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		executor.close();
		assertThat(ignoresInterrupts.state()).isEqualTo(FutureState.CANCELLED);
		assertThat(queued.state()).isEqualTo(FutureState.CANCELLED);
	}

	@Test
	void closeShouldEndAsyncStagesThatDidNotStartWithinTheAwaitPeriod() throws Exception {
		DelegatingManagedExecutor executor = this.executors
			.create(TestSpecs.spec("jobs").withAwaitTerminationPeriod(Duration.ofMillis(100)));
		FutureProxy<String> source = executor.submit(() -> "a");
		source.get(5, TimeUnit.SECONDS);
		executor.submit(this::startAndAwaitRelease);
		FutureProxy<String> stage = source.thenApplyAsync((a) -> a + "b");
		executor.close();
		assertThat(stage.state()).isEqualTo(FutureState.CANCELLED);
	}

	@Test
	void submitAfterShutdownShouldBeRejected() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs"));
		executor.shutdown();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.submit(() -> "late"))
			.withMessage("Executor 'jobs' is shut down and accepts no more tasks (the application context is closing)");
	}

	@Test
	void completedTaskCountShouldCountTasksThatRanWhateverTheirOutcome() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs"));
		executor.submit(() -> "done").get(5, TimeUnit.SECONDS);
		executor.submit(() -> {
			throw new IllegalStateException("failed");
		});
		await().until(() -> executor.stats().completed() == 2);
		assertThat(executor.stats().inFlight()).isZero();
	}

	@Test
	void completedTaskCountShouldNotCountTasksCancelledBeforeTheyStarted() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs"));
		FutureProxy<Boolean> running = executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		executor.submit(() -> "queued").cancel(true);
		this.release.countDown();
		running.get(5, TimeUnit.SECONDS);
		await().until(() -> executor.stats().inFlight() == 0);
		assertThat(executor.stats().completed()).isEqualTo(1);
	}

	@Test
	void activeAndQueuedCountsShouldCountRunningAndWaitingTasks() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs"));
		executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		executor.submit(() -> "queued");
		executor.submit(() -> "queued");
		assertThat(executor.stats().active()).isEqualTo(1);
		assertThat(executor.stats().queued()).isEqualTo(2);
	}

	@Test
	void rejectedTaskCountShouldCountSubmissionsRejectedWhenFullOrShutDown() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs").withQueueCapacity(0));
		executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.submit(() -> "full"));
		executor.shutdown();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.submit(() -> "late"));
		assertThat(executor.stats().rejected()).isEqualTo(2);
	}

	@Test
	void statsShouldCountFailedTasksAndTasksCancelledBeforeOrWhileTheyRan() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs"));
		FutureProxy<Boolean> running = executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		executor.submit(() -> "queued").cancel(true);
		running.cancel(true);
		executor.submit(() -> {
			throw new IllegalStateException("failed");
		});
		executor.submit(() -> "done").get(5, TimeUnit.SECONDS);
		await().until(() -> executor.stats().inFlight() == 0);
		ExecutorStats stats = executor.stats();
		assertThat(stats.failed()).isEqualTo(1);
		assertThat(stats.cancelled()).isEqualTo(2);
		assertThat(stats.completed()).isEqualTo(3);
	}

	@Test
	void statsShouldTellAFullExecutorOnceAllWorkersAreBusyAndTheQueueHasNoRoom() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("jobs").withQueueCapacity(1));
		executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(executor.stats().full()).isFalse();
		executor.submit(() -> "queued");
		assertThat(executor.stats().full()).isTrue();
		assertThat(executor.stats().poolSize()).isEqualTo(1);
	}

	private boolean awaitRelease() throws InterruptedException {
		return this.release.await(5, TimeUnit.SECONDS);
	}

	private boolean startAndAwaitRelease() throws InterruptedException {
		this.started.countDown();
		return awaitRelease();
	}

}
