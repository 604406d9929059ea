package dev.executor.hazelcast;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.RemoteTaskException;
import dev.executor.TaskNotSerializableException;
import dev.executor.TaskTimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.slf4j.MDC;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for what travels between the application and the members of a two-member
 * loopback cluster on a {@code hazelcast} executor: tasks, results, exceptions, context,
 * timeouts and cancellation. The executor is created on member A.
 */
@TestInstance(Lifecycle.PER_CLASS)
class HazelcastExecutorTests {

	private HazelcastInstance memberA;

	private HazelcastInstance memberB;

	private ManagedExecutor executor;

	@BeforeAll
	void startCluster() {
		String cluster = TestHazelcast.newClusterName();
		this.memberA = TestHazelcast.start(cluster, "a");
		this.memberB = TestHazelcast.start(cluster, "b");
		this.executor = TestHazelcast.executor(this.memberA, "executor.max-workers=4");
	}

	@AfterAll
	void stopCluster() {
		this.executor.close();
		this.memberB.getLifecycleService().terminate();
		this.memberA.getLifecycleService().terminate();
	}

	@AfterEach
	void clearContext() {
		MDC.clear();
		SecurityContextHolder.clearContext();
	}

	@Test
	void tasksSubmittedOnAWhenClusterHasTwoMembersShouldRunOnBothMembers() {
		List<String> members = this.executor.map((Integer n) -> TestHazelcast.currentMember(), List.of(1, 2, 3, 4))
			.toList();
		assertThat(Set.copyOf(members)).containsExactlyInAnyOrder(this.memberA.getName(), this.memberB.getName());
	}

	@Test
	void capturedValuesWhenTaskIsAPlainLambdaShouldTravelWithIt() throws Exception {
		List<String> words = List.of("hazelcast", "pool");
		FutureProxy<String> joined = this.executor.submit(() -> String.join("-", words).toUpperCase());
		assertThat(joined.get(10, TimeUnit.SECONDS)).isEqualTo("HAZELCAST-POOL");
	}

	@Test
	void runnableWhenSubmittedShouldCompleteWithNull() throws Exception {
		FutureProxy<?> done = this.executor.submit(() -> MDC.remove("nothing"));
		assertThat(done.get(10, TimeUnit.SECONDS)).isNull();
		assertThat(done.state()).isEqualTo(FutureState.FINISHED);
	}

	@Test
	void mapWhenItemsRunOnSeveralMembersShouldYieldResultsInInputOrder() {
		assertThat(this.executor.map((Integer n) -> n * n, List.of(3, 1, 2, 5)).toList()).containsExactly(9, 1, 4, 25);
	}

	@Test
	void exceptionWhenTaskFailsOnAMemberShouldKeepItsClassMessageAndRemoteStackTrace() {
		FutureProxy<Object> failing = this.executor.submit(HazelcastExecutorTests::failOnMember);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isExactlyInstanceOf(IllegalStateException.class)
			.withMessage("broken on a member")
			.satisfies((ex) -> assertThat(ex.getStackTrace()[0].getMethodName()).isEqualTo("failOnMember"))
			.satisfies((ex) -> assertThat(ex.getStackTrace()).anyMatch(
					(element) -> element.getClassName().equals(MemberTask.class.getName())));
	}

	@Test
	void exceptionWhenItCannotBeSerialisedShouldComeBackAsAStandInNamingItsClass() {
		FutureProxy<Object> failing = this.executor.submit(() -> {
			throw new UnserialisableException("holds something that cannot travel");
		});
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isExactlyInstanceOf(RemoteTaskException.class)
			.withMessage(UnserialisableException.class.getName() + ": holds something that cannot travel");
	}

	@Test
	void taskWhenItCapturesSomethingUnserialisableShouldBeRejectedAtSubmitNamingIt() {
		Unserialisable captured = new Unserialisable();
		assertThatExceptionOfType(TaskNotSerializableException.class)
			.isThrownBy(() -> this.executor.submit(() -> captured.toString()))
			.withMessage("Task for executor 'default' cannot be sent to a Hazelcast member: "
					+ Unserialisable.class.getName() + " is not serializable (captured by the lambda in "
					+ HazelcastExecutorTests.class.getName()
					+ ".taskWhenItCapturesSomethingUnserialisableShouldBeRejectedAtSubmitNamingIt); make it "
					+ "implement java.io.Serializable, or capture only serializable values");
		// the executor may still be finishing an earlier test's task
		await().until(() -> this.executor.stats().inFlight() == 0);
	}

	@Test
	void resultWhenItCannotBeSerialisedShouldFailTheFutureNamingItsClassAndMember() {
		FutureProxy<Unserialisable> result = this.executor.submit(Unserialisable::new);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isExactlyInstanceOf(TaskNotSerializableException.class)
			.withMessageStartingWith("The result of a task on executor 'default' cannot be sent back from member [127.0.0.1]:570")
			.withMessageEndingWith(": " + Unserialisable.class.getName()
					+ " is not serializable; return a serializable value");
	}

	@Test
	void mdcAndPrincipalWhenSetOnTheSubmitterShouldTravelToEveryMember() {
		MDC.put("requestId", "42");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
		List<String> seen = this.executor
			.map((Integer n) -> MDC.get("requestId") + "/" + SecurityContextHolder.getContext().getAuthentication().getName()
					+ "/" + TestHazelcast.currentMember(), List.of(1, 2, 3, 4))
			.toList();
		assertThat(seen).contains("42/alice/" + this.memberA.getName(), "42/alice/" + this.memberB.getName());
	}

	@Test
	void defaultDoneCallbackWhenTaskRunsOnAMemberShouldRun() throws Exception {
		List<Object> seen = new CopyOnWriteArrayList<>();
		ManagedExecutor callbacks = TestHazelcast.executor(this.memberA);
		try {
			callbacks.addDefaultDoneCallback((future) -> seen.add(future.join()));
			callbacks.submit(() -> "called back").get(10, TimeUnit.SECONDS);
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
		}
		finally {
			callbacks.close();
		}
		assertThat(seen).containsExactly("called back");
	}

	@Test
	void cancelWithInterruptionShouldInterruptTheTaskOnItsMember() throws Exception {
		Blockers.reset(1);
		FutureProxy<String> blocked = this.executor.submit(Blockers::block);
		assertThat(Blockers.started.await(10, TimeUnit.SECONDS)).isTrue();
		blocked.cancel(true);
		assertThat(Blockers.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(blocked.state()).isEqualTo(FutureState.CANCELLED);
	}

	@Test
	void taskTimeoutShouldFailTheFutureAndInterruptTheTaskOnItsMember() throws Exception {
		Blockers.reset(1);
		ManagedExecutor timed = TestHazelcast.executor(this.memberA, "executor.task-timeout=500ms");
		try {
			FutureProxy<String> blocked = timed.submit(Blockers::block);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> blocked.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(TaskTimeoutException.class);
			assertThat(Blockers.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			timed.close();
		}
	}

	private static Object failOnMember() {
		throw new IllegalStateException("broken on a member");
	}

	static class Unserialisable {

	}

	static class UnserialisableException extends RuntimeException {

		@SuppressWarnings("unused")
		private final Object detail = new Unserialisable();

		UnserialisableException(String message) {
			super(message);
		}

	}

}
