package dev.executor.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.LocalIndexStats;
import dev.executor.DuplicateFutureKeyException;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for stored futures kept in the cluster ({@code futures.store=hazelcast}): two
 * application instances, A and B, each with its own member and a {@code thread}
 * executor of the same name.
 */
@TestInstance(Lifecycle.PER_CLASS)
class HazelcastStoredFuturesTests {

	private HazelcastInstance memberA;

	private HazelcastInstance memberB;

	private ManagedExecutor executorA;

	private ManagedExecutor executorB;

	@BeforeAll
	void startCluster() {
		String cluster = TestHazelcast.newClusterName();
		this.memberA = TestHazelcast.start(cluster, "a");
		this.memberB = TestHazelcast.start(cluster, "b");
		String[] properties = { "executor.type=thread", "executor.futures.store=hazelcast",
				"executor.futures.max-length=3" };
		this.executorA = TestHazelcast.executor(this.memberA, properties);
		this.executorB = TestHazelcast.executor(this.memberB, properties);
	}

	@AfterEach
	void clearStore() {
		Blockers.release.countDown();
		this.executorA.futures().keys().forEach((key) -> this.executorA.futures().pop(key));
	}

	@AfterAll
	void stopCluster() {
		this.executorA.close();
		this.executorB.close();
		this.memberB.getLifecycleService().terminate();
		this.memberA.getLifecycleService().terminate();
	}

	@Test
	void storedFutureSubmittedOnAShouldBeVisibleWithItsResultFromB() throws Exception {
		this.executorA.submitStored("report", () -> "done on A");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.executorB.futures().done("report"));
		assertThat(this.executorB.futures().keys()).containsExactly("report");
		assertThat(this.executorB.futures().state("report")).contains(FutureState.FINISHED);
		FutureProxy<String> seen = this.executorB.futures().<String>get("report").orElseThrow();
		assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("done on A");
		assertThat(seen.key()).contains("report");
	}

	@Test
	void failedStoredFutureOnAShouldFailWithTheTasksExceptionOnB() throws Exception {
		FutureProxy<Object> failing = this.executorA.submitStored("broken", () -> {
			throw new IllegalStateException("broken on A");
		});
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.executorB.futures().done("broken"));
		assertThat(failing.isCompletedExceptionally()).isTrue();
		assertThat(this.executorB.futures().state("broken")).contains(FutureState.FAILED);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.executorB.futures().get("broken").orElseThrow().get(10, TimeUnit.SECONDS))
			.havingCause()
			.isExactlyInstanceOf(IllegalStateException.class)
			.withMessage("broken on A");
	}

	@Test
	void runningStoredFutureOnAShouldBeSeenRunningAndBeCancellableFromB() throws Exception {
		Blockers.reset(1);
		FutureProxy<String> running = this.executorA.submitStored("slow", Blockers::block);
		assertThat(Blockers.started.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.executorB.futures().running("slow")).isTrue();
		FutureProxy<Object> view = this.executorB.futures().get("slow").orElseThrow();
		assertThat(view.state()).isEqualTo(FutureState.RUNNING);
		assertThat(this.executorB.futures().cancel("slow")).isTrue();
		assertThat(Blockers.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(running.state()).isEqualTo(FutureState.CANCELLED);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.executorB.futures().state("slow")).contains(FutureState.CANCELLED));
		assertThat(view.isCancelled()).isTrue();
	}

	@Test
	void pendingViewOnBShouldCompleteWhenTheTaskFinishesOnA() throws Exception {
		Blockers.reset(1);
		this.executorA.submitStored("later", Blockers::block);
		assertThat(Blockers.started.await(10, TimeUnit.SECONDS)).isTrue();
		FutureProxy<String> view = this.executorB.futures().<String>get("later").orElseThrow();
		assertThat(view.isDone()).isFalse();
		Blockers.release.countDown();
		assertThat(view.get(10, TimeUnit.SECONDS)).isEqualTo("local");
	}

	@Test
	void keyStoredOnAWhenSubmittedAgainOnBShouldBeRejectedAsDuplicate() throws Exception {
		this.executorA.submitStored("once", () -> "first").get(10, TimeUnit.SECONDS);
		assertThatExceptionOfType(DuplicateFutureKeyException.class)
			.isThrownBy(() -> this.executorB.submitStored("once", () -> "second"));
	}

	@Test
	void maxLengthShouldEvictTheOldestFinishedFuturesAcrossTheCluster() throws Exception {
		Blockers.reset(1);
		this.executorA.submitStored("running", Blockers::block);
		assertThat(Blockers.started.await(10, TimeUnit.SECONDS)).isTrue();
		this.executorA.submitStored("a1", () -> 1).get(10, TimeUnit.SECONDS);
		this.executorB.submitStored("b1", () -> 2).get(10, TimeUnit.SECONDS);
		this.executorA.submitStored("a2", () -> 3).get(10, TimeUnit.SECONDS);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.executorB.futures().keys()).containsExactly("running", "b1", "a2"));
		assertThat(this.executorA.futures().keys()).containsExactly("running", "b1", "a2");
	}

	@Test
	void popOnBWhileRunningShouldRemoveItEverywhereAndStillComplete() throws Exception {
		Blockers.reset(1);
		this.executorA.submitStored("taken", () -> Blockers.block() + " taken by B");
		assertThat(Blockers.started.await(10, TimeUnit.SECONDS)).isTrue();
		FutureProxy<String> popped = this.executorB.futures().<String>pop("taken").orElseThrow();
		assertThat(this.executorA.futures().contains("taken")).isFalse();
		Blockers.release.countDown();
		assertThat(popped.get(10, TimeUnit.SECONDS)).isEqualTo("local taken by B");
	}

	@Test
	void closingAnExecutorShouldUnregisterItsStoreButKeepItsEntries() throws Exception {
		HazelcastInstance memberC = TestHazelcast.start(this.memberA.getConfig().getClusterName(), "c");
		try {
			ManagedExecutor closed = TestHazelcast.executor(memberC, "executor.type=thread",
					"executor.futures.store=hazelcast");
			closed.submitStored("kept", () -> "kept after close").get(10, TimeUnit.SECONDS);
			assertThat(HazelcastStoredFutures.registered(memberC, "default")).isSameAs(closed.futures());
			closed.close();
			assertThat(HazelcastStoredFutures.registered(memberC, "default")).isNull();
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.executorB.futures().done("kept"));
			assertThat(this.executorB.futures().get("kept").orElseThrow().get(10, TimeUnit.SECONDS))
				.isEqualTo("kept after close");
		}
		finally {
			memberC.getLifecycleService().terminate();
		}
	}

	@Test
	void timeToLiveWhenEvictingFromBShouldRemoveOnlyExpiredFinishedEntriesWrittenByA() {
		IMap<String, StoredFutureEntry> written = this.memberA.getMap("eviction-" + UUID.randomUUID());
		long now = System.currentTimeMillis();
		written.put("expired", entry("expired", now - 60_000).finished(FutureState.FINISHED, 1, null, now - 2_000));
		written.put("fresh", entry("fresh", now - 60_000).finished(FutureState.FINISHED, 2, null, now));
		written.put("old-but-running", entry("old-but-running", now - 60_000));
		new ClusterEviction(50, Duration.ofSeconds(1)).evict(this.memberB.getMap(written.getName()));
		assertThat(written.keySet()).containsExactlyInAnyOrder("fresh", "old-but-running");
	}

	@Test
	void maxLengthWhenOnlyRunningEntriesRemainShouldKeepThemAll() {
		IMap<String, StoredFutureEntry> written = this.memberA.getMap("eviction-" + UUID.randomUUID());
		long now = System.currentTimeMillis();
		written.put("running-1", entry("running-1", now));
		written.put("running-2", entry("running-2", now));
		written.put("finished", entry("finished", now).finished(FutureState.FINISHED, 3, null, now));
		new ClusterEviction(1, null).evict(this.memberB.getMap(written.getName()));
		assertThat(written.keySet()).containsExactlyInAnyOrder("running-1", "running-2");
	}

	@Test
	void evictionShouldFindItsEntriesThroughTheIndexOfWhenTheyFinished() {
		IMap<String, StoredFutureEntry> written = this.memberA.getMap("eviction-" + UUID.randomUUID());
		ClusterEviction.index(written);
		long now = System.currentTimeMillis();
		for (int i = 0; i < 10; i++) {
			written.put("finished-" + i, entry("finished-" + i, now).finished(FutureState.FINISHED, i, null, now + i));
		}
		new ClusterEviction(4, Duration.ofDays(1)).evict(this.memberB.getMap(written.getName()));
		assertThat(written.keySet()).containsExactlyInAnyOrder("finished-6", "finished-7", "finished-8", "finished-9");
		long indexedQueries = Stream.of(this.memberA, this.memberB)
			.map((member) -> member.getMap(written.getName()).getLocalMapStats().getIndexStats())
			.flatMap((stats) -> stats.values().stream())
			.mapToLong(LocalIndexStats::getQueryCount)
			.sum();
		assertThat(indexedQueries).isPositive();
	}

	@Test
	void evictionsAtOnceFromBothMembersShouldEvictOnlyTheExcess() throws Exception {
		ClusterEviction eviction = new ClusterEviction(3, null);
		ExecutorService evictors = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 30; round++) {
				IMap<String, StoredFutureEntry> written = this.memberA.getMap("eviction-" + UUID.randomUUID());
				ClusterEviction.index(written);
				long now = System.currentTimeMillis();
				for (int i = 0; i < 4; i++) {
					written.put("finished-" + i,
							entry("finished-" + i, now).finished(FutureState.FINISHED, i, null, now + i));
				}
				CountDownLatch start = new CountDownLatch(1);
				List<Future<?>> evictions = new ArrayList<>();
				for (HazelcastInstance member : List.of(this.memberA, this.memberB, this.memberA, this.memberB)) {
					IMap<String, StoredFutureEntry> map = member.getMap(written.getName());
					evictions.add(evictors.submit(() -> {
						start.await();
						eviction.evict(map);
						return null;
					}));
				}
				start.countDown();
				for (Future<?> evicted : evictions) {
					evicted.get(10, TimeUnit.SECONDS);
				}
				assertThat(written.keySet()).as("round %d", round)
					.containsExactlyInAnyOrder("finished-1", "finished-2", "finished-3");
			}
		}
		finally {
			evictors.shutdownNow();
		}
	}

	private StoredFutureEntry entry(String key, long submittedAt) {
		return StoredFutureEntry.pending(key, submittedAt, this.memberA.getCluster().getLocalMember().getUuid().toString(),
				"a", submittedAt);
	}

	@Test
	void popOnBWhenFinishedShouldReturnTheResult() throws Exception {
		this.executorA.submitStored("taken", () -> "taken by B");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.executorB.futures().done("taken"));
		assertThat(this.executorB.futures().<String>pop("taken").orElseThrow().get(10, TimeUnit.SECONDS))
			.isEqualTo("taken by B");
		assertThat(this.executorA.futures().contains("taken")).isFalse();
	}

}
