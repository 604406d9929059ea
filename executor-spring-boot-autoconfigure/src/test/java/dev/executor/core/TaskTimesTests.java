package dev.executor.core;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the times the futures of a {@link DelegatingManagedExecutor} know: when their
 * task was submitted, started and finished, and how long it ran.
 */
class TaskTimesTests {

	private final TestExecutors executors = new TestExecutors();

	private final DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("times"));

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void shutDown() {
		this.release.countDown();
		this.executors.close();
	}

	@Test
	void futureOfAFinishedTaskShouldKnowWhenItWasSubmittedStartedAndFinished() throws Exception {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		FutureProxy<String> future = this.executor.submit(() -> "done");
		future.get(5, TimeUnit.SECONDS);
		Instant submitted = future.submitted().orElseThrow();
		Instant started = future.started().orElseThrow();
		Instant finished = future.finished().orElseThrow();
		assertThat(submitted).isBetween(before, Instant.now());
		assertThat(started).isAfterOrEqualTo(submitted);
		assertThat(finished).isAfterOrEqualTo(started);
	}

	@Test
	void durationShouldBeTheTimeFromStartToFinish() throws Exception {
		FutureProxy<?> future = this.executor.submit(() -> {
			Thread.sleep(50);
			return null;
		});
		future.get(5, TimeUnit.SECONDS);
		Duration duration = future.duration().orElseThrow();
		assertThat(duration).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(duration).isEqualTo(Duration.between(future.started().orElseThrow(), future.finished().orElseThrow()));
	}

	@Test
	void futureOfARunningTaskShouldHaveADurationButNoFinish() throws Exception {
		FutureProxy<Boolean> future = this.executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(future.started()).isPresent();
		assertThat(future.finished()).isEmpty();
		Duration first = future.duration().orElseThrow();
		Duration later = future.duration().orElseThrow();
		assertThat(later).isGreaterThanOrEqualTo(first);
	}

	@Test
	void futureOfAQueuedTaskShouldHaveBeenSubmittedButNotStarted() throws Exception {
		this.executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		FutureProxy<String> queued = this.executor.submit(() -> "queued");
		assertThat(queued.submitted()).isPresent();
		assertThat(queued.started()).isEmpty();
		assertThat(queued.finished()).isEmpty();
		assertThat(queued.duration()).isEmpty();
	}

	@Test
	void futureCancelledBeforeItsTaskStartedShouldHaveFinishedWithoutStarting() throws Exception {
		this.executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		FutureProxy<String> queued = this.executor.submit(() -> "queued");
		queued.cancel(true);
		assertThat(queued.started()).isEmpty();
		assertThat(queued.finished()).hasValueSatisfying(
				(finished) -> assertThat(finished).isAfterOrEqualTo(queued.submitted().orElseThrow()));
		assertThat(queued.duration()).isEmpty();
	}

	@Test
	void dependentStageShouldHaveNoTimesOfItsOwn() throws Exception {
		FutureProxy<String> stage = this.executor.submit(() -> "a").thenApply((a) -> a + "b");
		assertThat(stage.get(5, TimeUnit.SECONDS)).isEqualTo("ab");
		assertThat(stage.submitted()).isEmpty();
		assertThat(stage.started()).isEmpty();
		assertThat(stage.finished()).isEmpty();
		assertThat(stage.duration()).isEmpty();
	}

	private boolean startAndAwaitRelease() throws InterruptedException {
		this.started.countDown();
		return this.release.await(5, TimeUnit.SECONDS);
	}

}
