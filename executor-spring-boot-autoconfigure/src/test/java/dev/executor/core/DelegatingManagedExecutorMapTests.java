package dev.executor.core;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.TaskTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DelegatingManagedExecutor#map}.
 */
class DelegatingManagedExecutorMapTests {

	private final TestExecutors executors = new TestExecutors();

	private final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void registerContext() {
		TestContext.register();
	}

	@AfterEach
	void shutDown() {
		this.release.countDown();
		this.executors.close();
		TestContext.unregister();
	}

	@Test
	void mapShouldYieldResultsInInputOrder() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("mapper").withMaxWorkers(3));
		CountDownLatch othersDone = new CountDownLatch(2);
		List<String> completed = new CopyOnWriteArrayList<>();
		Stream<String> results = executor.map((item) -> {
			if (item.equals("slow")) {
				awaitQuietly(othersDone);
			}
			completed.add(item);
			othersDone.countDown();
			return item.toUpperCase();
		}, List.of("slow", "fast", "faster"));
		assertThat(results).containsExactly("SLOW", "FAST", "FASTER");
		assertThat(completed).last().isEqualTo("slow");
	}

	@Test
	void mapShouldSubmitEveryItemAtOnce() throws Exception {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("mapper").withMaxWorkers(3));
		CountDownLatch started = new CountDownLatch(3);
		Stream<Integer> results = executor.map((n) -> {
			started.countDown();
			awaitQuietly(this.release);
			return n;
		}, List.of(1, 2, 3));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		this.release.countDown();
		assertThat(results).containsExactly(1, 2, 3);
	}

	@Test
	void failedItemShouldThrowItsExceptionWhenItIsReached() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("mapper"));
		Iterator<Integer> results = executor.<Integer, Integer>map((n) -> 10 / n, List.of(5, 0, 2)).iterator();
		assertThat(results.next()).isEqualTo(2);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(results::next)
			.withCauseInstanceOf(ArithmeticException.class);
		assertThat(results.next()).isEqualTo(5);
	}

	@Test
	void everyItemShouldRunWithTheContextOfTheCaller() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("mapper").withMaxWorkers(2));
		TestContext.set("caller");
		Stream<String> seen = executor.map((n) -> TestContext.get() + "-" + n, List.of(1, 2, 3, 4));
		TestContext.set(null);
		assertThat(seen).containsExactly("caller-1", "caller-2", "caller-3", "caller-4");
	}

	@Test
	void itemStillRunningAtTheTimeoutShouldThrowTaskTimeoutException() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("mapper").withMaxWorkers(2));
		Iterator<String> results = executor.<String, String>map((item) -> {
			if (item.equals("slow")) {
				awaitQuietly(this.release);
			}
			return item;
		}, List.of("fast", "slow"), Duration.ofMillis(100)).iterator();
		assertThat(results.next()).isEqualTo("fast");
		assertThatExceptionOfType(CompletionException.class).isThrownBy(results::next)
			.withCauseInstanceOf(TaskTimeoutException.class);
	}

	@Test
	void mapThatCannotSubmitEveryItemShouldCancelTheItemsItSubmitted() {
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("mapper").withQueueCapacity(1));
		List<FutureProxy<?>> items = new CopyOnWriteArrayList<>();
		executor.addDefaultDoneCallback(items::add);
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.map((n) -> {
			awaitQuietly(this.release);
			return n;
		}, List.of(1, 2, 3)));
		await().untilAsserted(() -> assertThat(items).hasSize(3));
		assertThat(items).extracting(FutureProxy::state)
			.containsOnly(FutureState.CANCELLED, FutureState.FAILED)
			.containsOnlyOnce(FutureState.FAILED);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
