package dev.executor.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.spi.TaskListener;
import dev.executor.spi.TaskOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the {@link TaskListener listeners} of a {@link DelegatingManagedExecutor}'s
 * tasks.
 */
class TaskListenerTests {

	private final TestExecutors executors = new TestExecutors();

	private final DelegatingManagedExecutor executor = this.executors
		.create(TestSpecs.spec("listened").withTaskTimeout(Duration.ofSeconds(5)));

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void shutDown() {
		this.release.countDown();
		this.executors.close();
	}

	@Test
	void listenerShouldHearOfASucceededTaskWithItsRunTime() throws Exception {
		this.executor.addTaskListener(new RecordingListener("a"));
		FutureProxy<String> future = this.executor.submit(() -> "done");
		future.get(5, TimeUnit.SECONDS);
		await().until(() -> this.events.size() == 3);
		long duration = future.duration().orElseThrow().toNanos();
		assertThat(this.events).containsExactly("a started", "a closed SUCCESS done=true",
				"a ended SUCCESS " + duration);
	}

	@Test
	void listenerShouldHearOfAFailedTask() {
		this.executor.addTaskListener(new RecordingListener("a"));
		this.executor.submit(() -> {
			throw new IllegalStateException("failed");
		});
		await().until(() -> this.events.size() == 3);
		assertThat(this.events).contains("a closed FAILURE done=true").anyMatch((event) -> event.startsWith("a ended FAILURE"));
	}

	@Test
	void listenerShouldHearOfATaskThatTimedOut() {
		this.executor.addTaskListener(new RecordingListener("a"));
		this.executor.submit(this::startAndAwaitRelease, Duration.ofMillis(50));
		await().until(() -> this.events.size() == 3);
		assertThat(this.events).contains("a closed TIMEOUT done=true").anyMatch((event) -> event.startsWith("a ended TIMEOUT"));
	}

	@Test
	void listenerShouldHearOfATaskCancelledWhileItRan() throws Exception {
		this.executor.addTaskListener(new RecordingListener("a"));
		FutureProxy<Boolean> future = this.executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		future.cancel(true);
		await().until(() -> this.events.size() == 3);
		assertThat(this.events).contains("a closed CANCELLED done=true")
			.anyMatch((event) -> event.startsWith("a ended CANCELLED"));
	}

	@Test
	void listenerShouldHearOfATaskCancelledBeforeItStartedWithoutItStarting() throws Exception {
		this.executor.submit(this::startAndAwaitRelease);
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		this.executor.addTaskListener(new RecordingListener("a"));
		this.executor.submit(() -> "queued").cancel(true);
		assertThat(this.events).containsExactly("a ended CANCELLED 0");
	}

	@Test
	void scopesOfTwoListenersShouldCloseInReverseOrder() throws Exception {
		this.executor.addTaskListener(new RecordingListener("a"));
		this.executor.addTaskListener(new RecordingListener("b"));
		this.executor.submit(() -> "done").get(5, TimeUnit.SECONDS);
		await().until(() -> this.events.size() == 6);
		assertThat(this.events.subList(0, 4)).containsExactly("a started", "b started", "b closed SUCCESS done=true",
				"a closed SUCCESS done=true");
		assertThat(this.events.subList(4, 6)).allMatch((event) -> event.contains(" ended SUCCESS "));
	}

	private boolean startAndAwaitRelease() throws InterruptedException {
		this.started.countDown();
		return this.release.await(5, TimeUnit.SECONDS);
	}

	private final class RecordingListener implements TaskListener {

		private final String name;

		private RecordingListener(String name) {
			this.name = name;
		}

		@Override
		public Scope taskStarted(FutureProxy<?> future) {
			TaskListenerTests.this.events.add(this.name + " started");
			return (outcome) -> TaskListenerTests.this.events
				.add(this.name + " closed " + outcome + " done=" + future.isDone());
		}

		@Override
		public void taskEnded(FutureProxy<?> future, TaskOutcome outcome, long durationNanos) {
			TaskListenerTests.this.events.add(this.name + " ended " + outcome + " " + durationNanos);
		}

	}

}
