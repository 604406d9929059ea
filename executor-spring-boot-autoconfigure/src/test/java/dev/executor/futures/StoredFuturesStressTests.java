package dev.executor.futures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.executor.DuplicateFutureKeyException;
import dev.executor.FutureProxy;
import dev.executor.TestFutures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stress tests for {@link LocalStoredFutures}: many threads add, pop, complete and cancel
 * futures at once, then the store is checked for lost or duplicated entries.
 */
class StoredFuturesStressTests {

	private static final int THREADS = 8;

	private static final int OPERATIONS_PER_THREAD = 10_000;

	private static final int KEYS = 200;

	private static final int MAX_LENGTH = 32;

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

	private final Set<FutureProxy<?>> added = ConcurrentHashMap.newKeySet();

	private final Set<FutureProxy<?>> rejected = ConcurrentHashMap.newKeySet();

	private final Set<FutureProxy<?>> popped = ConcurrentHashMap.newKeySet();

	private final AtomicInteger poppedTwice = new AtomicInteger();

	private final Queue<FutureProxy<String>> toComplete = new ConcurrentLinkedQueue<>();

	@AfterEach
	void shutDown() {
		this.threads.shutdownNow();
	}

	@Test
	void concurrentAddPopAndCompleteShouldNeitherLoseNorDuplicateFutures() throws Exception {
		LocalStoredFutures futures = new LocalStoredFutures("stress", MAX_LENGTH, null);
		hammer(futures);
		assertAccounting(futures);
	}

	@Test
	void concurrentAddPopAndCompleteWithATimeToLiveShouldNeitherLoseNorDuplicateFutures() throws Exception {
		AtomicLong nanoClock = new AtomicLong();
		LocalStoredFutures futures = new LocalStoredFutures("stress", MAX_LENGTH, Duration.ofNanos(5_000),
				nanoClock::incrementAndGet);
		hammer(futures);
		assertAccounting(futures);
	}

	private void hammer(LocalStoredFutures futures) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> workers = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			workers.add(this.threads.submit(() -> {
				start.await();
				for (int operation = 0; operation < OPERATIONS_PER_THREAD; operation++) {
					operate(futures);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> worker : workers) {
			worker.get(60, TimeUnit.SECONDS);
		}
	}

	private void operate(LocalStoredFutures futures) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String key = "key-" + random.nextInt(KEYS);
		switch (random.nextInt(5)) {
			case 0, 1 -> add(futures, key);
			case 2 -> futures.<String>pop(key).ifPresent(this::popped);
			case 3 -> {
				FutureProxy<String> future = this.toComplete.poll();
				if (future != null) {
					future.complete("done");
				}
			}
			default -> futures.cancel(key);
		}
	}

	private void add(LocalStoredFutures futures, String key) {
		FutureProxy<String> future = TestFutures.incomplete("stress", Runnable::run);
		try {
			futures.add(key, future);
			this.added.add(future);
			this.toComplete.add(future);
		}
		catch (DuplicateFutureKeyException ex) {
			this.rejected.add(future);
		}
	}

	private void popped(FutureProxy<String> future) {
		if (!this.popped.add(future)) {
			this.poppedTwice.incrementAndGet();
		}
	}

	private void assertAccounting(LocalStoredFutures futures) {
		Map<String, FutureProxy<?>> present = new ConcurrentHashMap<>();
		futures.keys().forEach((key) -> futures.get(key).ifPresent((future) -> present.put(key, future)));
		assertThat(this.added).as("futures stored").hasSizeGreaterThan(THREADS * OPERATIONS_PER_THREAD / 10);
		assertThat(this.poppedTwice).as("futures popped twice").hasValue(0);
		assertThat(this.added).as("popped futures").containsAll(this.popped);
		assertThat(this.rejected).as("rejected futures").allSatisfy((future) -> assertThat(future.key()).isEmpty());
		assertThat(present).as("stored futures").hasSize(futures.size()).allSatisfy((key, future) -> {
			assertThat(this.added).contains(future);
			assertThat(this.popped).doesNotContain(future);
			assertThat(future.key()).hasValue(key);
		});
		assertThat(new HashSet<>(present.values())).as("distinct stored futures").hasSameSizeAs(present.values());
		for (FutureProxy<?> future : this.added) {
			if (!future.isDone() && !this.popped.contains(future)) {
				assertThat(present).as("pending future that was not popped").containsValue(future);
			}
		}
		long finishedPresent = present.values().stream().filter(FutureProxy::isDone).count();
		if (finishedPresent > 0) {
			assertThat(present).as("stored futures, some finished").hasSizeLessThanOrEqualTo(MAX_LENGTH);
		}
	}

}
