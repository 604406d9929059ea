package dev.executor.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.TestFutures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link FutureProxy} as returned by a {@link DelegatingManagedExecutor}.
 */
@ExtendWith(OutputCaptureExtension.class)
class FutureProxyTests {

	private final TestExecutors executors = new TestExecutors();

	private final CountDownLatch release = new CountDownLatch(1);

	private DelegatingManagedExecutor executor;

	@BeforeEach
	void createExecutor() {
		TestContext.register();
		this.executor = this.executors.create(TestSpecs.spec("proxies"));
	}

	@AfterEach
	void shutDown() {
		this.release.countDown();
		this.executors.close();
		TestContext.unregister();
	}

	@Test
	void submitShouldReturnAFutureThatKnowsItsExecutor() throws Exception {
		FutureProxy<String> future = this.executor.submit(() -> "done");
		assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(future.executorName()).isEqualTo("proxies");
		assertThat(future.key()).isEmpty();
	}

	@Test
	void attemptsShouldBeZeroUntilTheTaskStartsAndOneOnceItStarted() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		FutureProxy<String> busy = this.executor.submit(() -> {
			running.countDown();
			this.release.await();
			return "busy";
		});
		FutureProxy<String> queued = this.executor.submit(() -> "done");
		running.await(5, TimeUnit.SECONDS);
		assertThat(busy.attempts()).isOne();
		assertThat(queued.attempts()).isZero();
		this.release.countDown();
		assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(queued.attempts()).isOne();
	}

	@Test
	void failureShouldBeTheExceptionTheTaskThrewAndOnlyThat() throws Exception {
		IllegalStateException thrown = new IllegalStateException("failed");
		FutureProxy<String> failed = this.executor.submit(() -> {
			throw thrown;
		});
		FutureProxy<String> finished = this.executor.submit(() -> "done");
		FutureProxy<String> cancelled = TestFutures.incomplete("proxies", this.executor);
		cancelled.cancel(false);
		await().until(failed::isDone);
		assertThat(failed.failure()).containsSame(thrown);
		assertThat(finished.get(5, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(finished.failure()).isEmpty();
		assertThat(cancelled.failure()).isEmpty();
		assertThat(TestFutures.<String>incomplete("proxies", this.executor).failure()).isEmpty();
	}

	@Test
	void dependentStagesShouldBeFutureProxiesOfTheSameExecutor() {
		FutureProxy<Integer> future = this.executor.submit(() -> 20);
		CompletableFuture<Integer> other = new CompletableFuture<>();
		List<CompletableFuture<?>> stages = List.of(future.thenApply((n) -> n + 1), future.thenAccept((n) -> {
		}), future.thenRun(() -> {
		}), future.thenCompose(CompletableFuture::completedFuture), future.thenCombine(other, Integer::sum),
				future.thenAcceptBoth(other, (a, b) -> {
				}), future.runAfterBoth(other, () -> {
				}), future.handle((n, ex) -> n), future.whenComplete((n, ex) -> {
				}), future.exceptionally((ex) -> 0), future.exceptionallyCompose((ex) -> other),
				future.copy());
		assertThat(stages).allSatisfy(this::isProxyOfThisExecutor);
	}

	@Test
	void eitherStagesShouldBeFutureProxiesOfTheSameExecutorWhenTheOtherStageIsDoneFirst() {
		FutureProxy<Boolean> future = this.executor.submit(() -> this.release.await(5, TimeUnit.SECONDS));
		CompletableFuture<Boolean> other = CompletableFuture.completedFuture(true);
		List<CompletableFuture<?>> stages = List.of(future.applyToEither(other, (done) -> done),
				future.applyToEitherAsync(other, (done) -> done), future.acceptEither(other, (done) -> {
				}), future.acceptEitherAsync(other, (done) -> {
				}), future.runAfterEither(other, () -> {
				}), future.runAfterEitherAsync(other, () -> {
				}));
		assertThat(stages).allSatisfy(this::isProxyOfThisExecutor);
	}

	private void isProxyOfThisExecutor(CompletableFuture<?> stage) {
		assertThat(stage).isInstanceOfSatisfying(FutureProxy.class, (proxy) -> {
			assertThat(proxy.executorName()).isEqualTo("proxies");
			assertThat(proxy.defaultExecutor()).isSameAs(this.executor);
		});
	}

	@Test
	void asyncDependentStagesShouldRunOnTheSameExecutor() throws Exception {
		FutureProxy<String> future = this.executor.submit(() -> "x")
			.thenApplyAsync((x) -> Thread.currentThread().getName());
		assertThat(future.get(5, TimeUnit.SECONDS)).startsWith("proxies-");
	}

	@Test
	void addDoneCallbackWhenAlreadyDoneShouldRunTheCallbackInTheCallingThread() throws Exception {
		FutureProxy<String> future = this.executor.submit(() -> "done");
		future.get(5, TimeUnit.SECONDS);
		AtomicReference<Thread> ranIn = new AtomicReference<>();
		future.addDoneCallback((done) -> ranIn.set(Thread.currentThread()));
		assertThat(ranIn).hasValue(Thread.currentThread());
	}

	@Test
	void addDoneCallbackWhenPendingShouldRunTheCallbackOnceWhenDone() throws Exception {
		FutureProxy<String> future = this.executor.submit(() -> {
			this.release.await();
			return "done";
		});
		List<FutureProxy<String>> calls = new CopyOnWriteArrayList<>();
		future.addDoneCallback(calls::add);
		assertThat(calls).isEmpty();
		this.release.countDown();
		future.get(5, TimeUnit.SECONDS);
		await().untilAsserted(() -> assertThat(calls).containsExactly(future));
	}

	@Test
	void doneCallbackShouldRunWithTheContextOfTheThreadThatAddedIt() throws Exception {
		TestContext.set("submitter");
		FutureProxy<String> future = this.executor.submit(() -> {
			this.release.await();
			return "done";
		});
		TestContext.set("adder");
		AtomicReference<String> seen = new AtomicReference<>();
		CountDownLatch called = new CountDownLatch(1);
		future.addDoneCallback((done) -> {
			seen.set(TestContext.get());
			called.countDown();
		});
		TestContext.set(null);
		this.release.countDown();
		assertThat(called.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).hasValue("adder");
	}

	@Test
	void failingDoneCallbackShouldBeLoggedAndAffectNeitherOtherCallbacksNorTheFuture(CapturedOutput output)
			throws Exception {
		FutureProxy<String> future = this.executor.submit(() -> {
			this.release.await();
			return "done";
		});
		List<String> calls = new CopyOnWriteArrayList<>();
		future.addDoneCallback((done) -> calls.add("first"));
		future.addDoneCallback((done) -> {
			throw new IllegalStateException("callback boom");
		});
		future.addDoneCallback((done) -> calls.add("third"));
		this.release.countDown();
		assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("done");
		await().untilAsserted(() -> assertThat(calls).containsExactlyInAnyOrder("first", "third"));
		assertThat(future.state()).isEqualTo(FutureState.FINISHED);
		await().untilAsserted(() -> assertThat(output)
			.contains("Done callback of a task on executor 'proxies' failed")
			.contains("java.lang.IllegalStateException: callback boom"));
	}

	@Test
	void stateShouldBePendingWhileQueued() {
		this.executor.submit(() -> this.release.await(5, TimeUnit.SECONDS));
		FutureProxy<String> queued = this.executor.submit(() -> "queued");
		assertThat(queued.state()).isEqualTo(FutureState.PENDING);
	}

	@Test
	void stateShouldBeRunningWhileTheTaskRuns() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		FutureProxy<Boolean> future = this.executor.submit(() -> {
			started.countDown();
			return this.release.await(5, TimeUnit.SECONDS);
		});
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(future.state()).isEqualTo(FutureState.RUNNING);
	}

	@Test
	void stateShouldBeFinishedWhenTheTaskReturns() throws Exception {
		FutureProxy<String> future = this.executor.submit(() -> "done");
		future.get(5, TimeUnit.SECONDS);
		assertThat(future.state()).isEqualTo(FutureState.FINISHED);
	}

	@Test
	void stateShouldBeFailedWhenTheTaskThrows() {
		FutureProxy<String> future = this.executor.submit(() -> {
			throw new IllegalStateException("boom");
		});
		await().until(future::isDone);
		assertThat(future.state()).isEqualTo(FutureState.FAILED);
	}

	@Test
	void stateShouldBeCancelledWhenCancelled() {
		FutureProxy<Boolean> future = this.executor.submit(() -> this.release.await(5, TimeUnit.SECONDS));
		future.cancel(true);
		assertThat(future.state()).isEqualTo(FutureState.CANCELLED);
	}

	@Test
	void keyShouldBeTheKeyTheFutureIsStoredUnder() {
		FutureProxy<String> future = this.executor.submitStored("report-1", () -> "done");
		assertThat(future.key()).hasValue("report-1");
	}

	@Test
	void equalityShouldBeIdentity() {
		FutureProxy<String> future = TestFutures.incomplete("proxies", Runnable::run);
		FutureProxy<String> other = TestFutures.incomplete("proxies", Runnable::run);
		future.complete("same");
		other.complete("same");
		assertThat(future).isEqualTo(future).isNotEqualTo(other);
		assertThat(future.hashCode()).isEqualTo(System.identityHashCode(future));
		List<FutureProxy<String>> both = new ArrayList<>(List.of(future, other));
		both.remove(other);
		assertThat(both).singleElement().isSameAs(future);
	}

}
