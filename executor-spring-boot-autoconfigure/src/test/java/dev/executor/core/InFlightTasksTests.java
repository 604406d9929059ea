package dev.executor.core;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.executor.ExecutorSpec;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.context.SnapshotContextPropagation;
import dev.executor.futures.LocalStoredFutures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for how {@link DelegatingManagedExecutor} counts and cancels its tasks in flight,
 * both on a plain {@link ThreadPoolExecutor}, whose queue and threads it reads, and on
 * other pools, whose tasks it registers.
 */
class InFlightTasksTests {

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<DelegatingManagedExecutor> executors = new ArrayList<>();

	@AfterEach
	void shutDown() {
		this.release.countDown();
		this.executors.forEach(DelegatingManagedExecutor::shutdownNow);
	}

	@ParameterizedTest
	@EnumSource
	void countsShouldFollowTasksFromQueueToEnd(Pool pool) throws Exception {
		DelegatingManagedExecutor executor = create(pool.create());
		FutureProxy<Boolean> running = executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		FutureProxy<String> first = executor.submit(() -> "first");
		FutureProxy<String> second = executor.submit(() -> "second");
		assertThat(executor.stats().active()).isEqualTo(1);
		assertThat(executor.stats().queued()).isEqualTo(2);
		assertThat(executor.stats().inFlight()).isEqualTo(3);
		this.release.countDown();
		assertThat(running.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
		await().until(() -> executor.stats().inFlight() == 0);
		assertThat(executor.stats().active()).isZero();
		assertThat(executor.stats().queued()).isZero();
		assertThat(executor.stats().completed()).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource
	void shutdownNowShouldCancelRunningAndQueuedTasks(Pool pool) throws Exception {
		DelegatingManagedExecutor executor = create(pool.create());
		FutureProxy<?> ignoresInterrupts = executor.submit(new BadlyBehavedTask(this.started, this.release));
		List<FutureProxy<String>> queued = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			queued.add(executor.submit(() -> "queued"));
		}
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		executor.close();
		assertThat(ignoresInterrupts.state()).isEqualTo(FutureState.CANCELLED);
		assertThat(queued).allSatisfy((future) -> assertThat(future.state()).isEqualTo(FutureState.CANCELLED));
		assertThat(executor.stats().queued()).isZero();
		this.release.countDown();
		await().until(() -> executor.stats().inFlight() == 0);
		assertThat(executor.stats().completed()).isEqualTo(1);
	}

	@Test
	void tasksThatThePoolDiscardsShouldStillEndWhenItShutsDown() throws Exception {
		// drops the oldest queued task when full, without a trace: registered
		DelegatingManagedExecutor executor = create(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(1), new ThreadPoolExecutor.DiscardOldestPolicy()));
		executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		FutureProxy<String> discarded = executor.submit(() -> "discarded");
		FutureProxy<String> queued = executor.submit(() -> "queued");
		executor.shutdownNow();
		assertThat(discarded.state()).isEqualTo(FutureState.CANCELLED);
		assertThat(queued.state()).isEqualTo(FutureState.CANCELLED);
	}

	@Test
	void completedTaskCountShouldKeepCountingWhenPoolThreadsEndAndOthersTakeTheirPlace() throws Exception {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
		pool.allowCoreThreadTimeOut(true);
		DelegatingManagedExecutor executor = create(pool);
		// enough threads, one after the other, for the slots of ended ones to be dropped
		for (int i = 0; i < 100; i++) {
			executor.submit(() -> "done").get(5, TimeUnit.SECONDS);
			await().pollInterval(Duration.ofMillis(1)).until(() -> pool.getPoolSize() == 0);
		}
		await().until(() -> executor.stats().inFlight() == 0);
		assertThat(executor.stats().completed()).isEqualTo(100);
	}

	@ParameterizedTest
	@EnumSource
	void futureShouldNotKeepWhatItsTaskCapturedOnceTheTaskEnded(Pool pool) throws Exception {
		DelegatingManagedExecutor executor = create(pool.create());
		executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		List<WeakReference<Object>> captured = new ArrayList<>();
		FutureProxy<Integer> ran = submitCapturing(executor, captured);
		FutureProxy<Integer> cancelled = submitCapturing(executor, captured);
		cancelled.cancel(false);
		this.release.countDown();
		assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo(1024);
		await().until(() -> executor.stats().inFlight() == 0);
		await().until(() -> {
			System.gc();
			return captured.stream().allMatch((reference) -> reference.get() == null);
		});
		assertThat(ran.state()).isEqualTo(FutureState.FINISHED);
		assertThat(cancelled.state()).isEqualTo(FutureState.CANCELLED);
	}

	private static FutureProxy<Integer> submitCapturing(DelegatingManagedExecutor executor,
			List<WeakReference<Object>> captured) {
		byte[] large = new byte[1024];
		captured.add(new WeakReference<>(large));
		return executor.submit(() -> large.length);
	}

	private DelegatingManagedExecutor create(ExecutorService pool) {
		ExecutorSpec spec = TestSpecs.spec("jobs").withAwaitTerminationPeriod(Duration.ofMillis(100)).build();
		DelegatingManagedExecutor executor = new DelegatingManagedExecutor(spec, pool,
				new SnapshotContextPropagation(), null, new LocalStoredFutures(spec.name(), 50, null));
		this.executors.add(executor);
		return executor;
	}

	private boolean startAndAwaitRelease() throws InterruptedException {
		this.started.countDown();
		return this.release.await(5, TimeUnit.SECONDS);
	}

	enum Pool {

		// read through its queue and threads
		PLAIN(() -> new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>())),

		// a subclass may wrap its tasks: registered
		SUBCLASS(() -> new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
		}),

		// drops its queued tasks when shut down: registered
		FORK_JOIN(() -> new ForkJoinPool(1));

		private final Supplier<ExecutorService> factory;

		Pool(Supplier<ExecutorService> factory) {
			this.factory = factory;
		}

		ExecutorService create() {
			return this.factory.get();
		}

	}

}
