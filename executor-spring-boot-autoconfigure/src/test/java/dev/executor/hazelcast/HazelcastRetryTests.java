package dev.executor.hazelcast;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.hazelcast.core.HazelcastInstance;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.TaskOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the retries of failed tasks on a Hazelcast executor: each attempt is sent to
 * the cluster again. The members run in this JVM, so attempts count their calls in a
 * static map, whichever member runs them. The executor, on member A of two, retries
 * twice after 10ms except for {@link IllegalArgumentException}.
 */
@TestInstance(Lifecycle.PER_CLASS)
class HazelcastRetryTests {

	private static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private HazelcastInstance memberA;

	private HazelcastInstance memberB;

	private ManagedExecutor executor;

	@BeforeAll
	void startCluster() {
		String cluster = TestHazelcast.newClusterName();
		this.memberA = TestHazelcast.start(cluster, "a");
		this.memberB = TestHazelcast.start(cluster, "b");
		this.executor = TestHazelcast.executor(this.memberA, "executor.max-workers=1", "executor.retry.max-retries=2",
				"executor.retry.delay=10ms", "executor.retry.excludes=java.lang.IllegalArgumentException");
	}

	@AfterAll
	void stopCluster() {
		this.executor.close();
		this.memberB.getLifecycleService().terminate();
		this.memberA.getLifecycleService().terminate();
	}

	@Test
	void taskFailingTwiceThenSucceedingShouldCompleteAfterThreeAttempts() throws Exception {
		FutureProxy<String> future = this.executor.submit(() -> failTimes("twice", 2));
		assertThat(future.get(20, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(future.attempts()).isEqualTo(3);
	}

	@Test
	void alwaysFailingTaskShouldFailWithTheLastFailureAfterThreeAttempts() {
		FutureProxy<String> future = this.executor.submit(() -> failTimes("always", 10));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(20, TimeUnit.SECONDS))
			.havingCause()
			.withMessage("failure 3")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).extracting(Throwable::getMessage)
				.containsExactly("failure 1", "failure 2"));
		assertThat(future.attempts()).isEqualTo(3);
	}

	@Test
	void excludedFailureShouldFailAtTheFirstAttempt() {
		FutureProxy<String> future = this.executor.submit(() -> {
			throw new IllegalArgumentException("not worth retrying");
		});
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(20, TimeUnit.SECONDS))
			.withCauseExactlyInstanceOf(IllegalArgumentException.class);
		assertThat(future.attempts()).isEqualTo(1);
	}

	@Test
	void backOffShouldNotHoldTheOnlyWorker() throws Exception {
		RetryPolicy slow = RetryPolicy.builder().maxRetries(1).delay(Duration.ofSeconds(5)).build();
		FutureProxy<String> retried = this.executor.with(TaskOptions.retry(slow)).submit(() -> failTimes("backoff", 1));
		await().until(() -> count("backoff") == 1 && retried.attempts() == 1);
		assertThat(this.executor.submit(() -> "other").get(20, TimeUnit.SECONDS)).isEqualTo("other");
		assertThat(retried.state()).isEqualTo(FutureState.PENDING);
		assertThat(retried.get(30, TimeUnit.SECONDS)).isEqualTo("done");
	}

	private static int count(String name) {
		AtomicInteger count = calls.get(name);
		return (count != null) ? count.get() : 0;
	}

	private static String failTimes(String name, int failures) {
		int call = calls.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
		if (call <= failures) {
			throw new IllegalStateException("failure " + call);
		}
		return "done";
	}

}
