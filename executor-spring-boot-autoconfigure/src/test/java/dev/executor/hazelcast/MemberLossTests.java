package dev.executor.hazelcast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.MemberLostException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for tasks whose member leaves the cluster while running them: member B of a
 * two-member loopback cluster is terminated while it runs tasks submitted on A.
 */
class MemberLossTests {

	private HazelcastInstance memberA;

	private HazelcastInstance memberB;

	private ManagedExecutor executor;

	@BeforeEach
	void startCluster() {
		String cluster = TestHazelcast.newClusterName();
		this.memberA = TestHazelcast.start(cluster, "a");
		this.memberB = TestHazelcast.start(cluster, "b");
	}

	@AfterEach
	void stopCluster() {
		Blockers.release.countDown();
		this.executor.close();
		this.memberB.getLifecycleService().terminate();
		this.memberA.getLifecycleService().terminate();
	}

	@Test
	void memberLeavingWhileRunningTasksShouldFailThemNamingTheMemberWhileOthersComplete() throws Exception {
		this.executor = TestHazelcast.executor(this.memberA, "executor.max-workers=4");
		List<FutureProxy<String>> blocked = submitBlockingTasks(4);
		String memberB = HazelcastPool.describe(this.memberB.getCluster().getLocalMember());
		this.memberB.getLifecycleService().terminate();
		Blockers.release.countDown();
		List<String> finished = new ArrayList<>();
		for (FutureProxy<String> future : blocked) {
			try {
				finished.add(future.get(30, TimeUnit.SECONDS));
			}
			catch (ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOf(MemberLostException.class)
					.hasMessage("Member " + memberB + " left the cluster before it finished a task of executor "
							+ "'default'; set executor.hazelcast.retry-on-member-loss=true to run such tasks again on "
							+ "another member");
				assertThat(((MemberLostException) ex.getCause()).getMember()).isEqualTo(memberB);
			}
		}
		assertThat(finished).hasSize(2).containsOnly(this.memberA.getName());
	}

	@Test
	void memberLeavingWhenRetryOnMemberLossIsOnShouldRunItsTasksAgainOnAnotherMember() throws Exception {
		this.executor = TestHazelcast.executor(this.memberA, "executor.max-workers=4",
				"executor.hazelcast.retry-on-member-loss=true");
		List<FutureProxy<String>> blocked = submitBlockingTasks(4);
		this.memberB.getLifecycleService().terminate();
		Blockers.release.countDown();
		List<String> finished = new ArrayList<>();
		for (FutureProxy<String> future : blocked) {
			finished.add(future.get(30, TimeUnit.SECONDS));
		}
		assertThat(finished).hasSize(4).containsOnly(this.memberA.getName());
	}

	@Test
	void memberLeavingWhenTheRetryPolicyRetriesShouldRunItsTasksAgainAsAnotherAttempt() throws Exception {
		this.executor = TestHazelcast.executor(this.memberA, "executor.max-workers=4", "executor.retry.max-retries=1",
				"executor.retry.delay=10ms");
		List<FutureProxy<String>> blocked = submitBlockingTasks(4);
		this.memberB.getLifecycleService().terminate();
		Blockers.release.countDown();
		List<String> finished = new ArrayList<>();
		for (FutureProxy<String> future : blocked) {
			finished.add(future.get(30, TimeUnit.SECONDS));
		}
		assertThat(finished).hasSize(4).containsOnly(this.memberA.getName());
		assertThat(blocked).extracting(FutureProxy::attempts).containsExactlyInAnyOrder(1, 1, 2, 2);
	}

	@Test
	void storedFuturesWhenTheirOwnerLeavesShouldFailForTheRemainingInstances() throws Exception {
		String[] properties = { "executor.type=thread", "executor.futures.store=hazelcast" };
		this.executor = TestHazelcast.executor(this.memberA, properties);
		ManagedExecutor ownerExecutor = TestHazelcast.executor(this.memberB, properties);
		try {
			Blockers.reset(1);
			ownerExecutor.submitStored("orphan", Blockers::block);
			assertThat(Blockers.started.await(10, TimeUnit.SECONDS)).isTrue();
			FutureProxy<Object> view = this.executor.futures().get("orphan").orElseThrow();
			String owner = HazelcastPool.describe(this.memberB.getCluster().getLocalMember());
			this.memberB.getLifecycleService().terminate();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> view.get(30, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(IllegalStateException.class)
				.withMessage("Member " + owner + ", whose application submitted the task, left the cluster before "
						+ "the task finished");
			assertThat(this.executor.futures().state("orphan")).contains(FutureState.FAILED);
		}
		finally {
			Blockers.release.countDown();
			ownerExecutor.close();
		}
	}

	@Test
	void storedFuturePoppedWhileRunningShouldFailWhenItsOwnerLeaves() throws Exception {
		String[] properties = { "executor.type=thread", "executor.futures.store=hazelcast" };
		this.executor = TestHazelcast.executor(this.memberA, properties);
		ManagedExecutor ownerExecutor = TestHazelcast.executor(this.memberB, properties);
		try {
			Blockers.reset(1);
			ownerExecutor.submitStored("popped", Blockers::block);
			assertThat(Blockers.started.await(10, TimeUnit.SECONDS)).isTrue();
			FutureProxy<Object> view = this.executor.futures().get("popped").orElseThrow();
			FutureProxy<Object> popped = this.executor.futures().pop("popped").orElseThrow();
			assertThat(this.executor.futures().contains("popped")).isFalse();
			String owner = HazelcastPool.describe(this.memberB.getCluster().getLocalMember());
			this.memberB.getLifecycleService().terminate();
			for (FutureProxy<Object> future : List.of(view, popped)) {
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> future.get(30, TimeUnit.SECONDS))
					.havingCause()
					.withMessage("Member " + owner + ", whose application submitted the task, left the cluster "
							+ "before the task finished");
			}
		}
		finally {
			Blockers.release.countDown();
			ownerExecutor.close();
		}
	}

	private List<FutureProxy<String>> submitBlockingTasks(int count) throws InterruptedException {
		Blockers.reset(count);
		List<FutureProxy<String>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			futures.add(this.executor.submit(Blockers::block));
		}
		assertThat(Blockers.started.await(20, TimeUnit.SECONDS)).isTrue();
		return futures;
	}

}
