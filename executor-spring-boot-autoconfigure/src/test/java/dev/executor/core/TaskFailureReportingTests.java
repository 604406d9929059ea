package dev.executor.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.TaskFailedEvent;
import dev.executor.TaskFailureHandler;
import dev.executor.TaskTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the reporting of task failures by a {@link DelegatingManagedExecutor} and
 * its {@link TaskFailureReporter}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskFailureReportingTests {

	private final TestExecutors executors = new TestExecutors();

	private final List<TaskFailedEvent> handled = new CopyOnWriteArrayList<>();

	private final List<TaskFailedEvent> published = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void shutDown() {
		this.release.countDown();
		this.executors.close();
	}

	@Test
	void failureShouldBeLoggedAtErrorWithExecutorKeyAndStackTrace(CapturedOutput output) {
		DelegatingManagedExecutor executor = propagating(this.handled::add);
		executor.submitStored("job-1", this::fail);
		await().untilAsserted(() -> assertThat(output).contains("ERROR")
			.contains("dev.executor.tasks.reports")
			.contains("Task 'job-1' on executor 'reports' failed")
			.contains("java.lang.IllegalStateException: boom")
			.contains("at " + TaskFailureReportingTests.class.getName() + ".fail"));
	}

	@Test
	void failureShouldBeHandedToEveryHandlerAndPublished() {
		List<TaskFailedEvent> alsoHandled = new CopyOnWriteArrayList<>();
		DelegatingManagedExecutor executor = propagating(this.handled::add, alsoHandled::add);
		FutureProxy<?> future = executor.submitStored("job-1", this::fail);
		await().until(() -> this.published.size() == 1);
		assertThat(this.handled).singleElement().satisfies((event) -> {
			assertThat(event.getFuture()).isSameAs(future);
			assertThat(event.getException()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
			assertThat(event.getExecutorName()).isEqualTo("reports");
			assertThat(event.getKey()).hasValue("job-1");
		});
		assertThat(alsoHandled).containsExactlyElementsOf(this.handled);
		assertThat(this.published).containsExactlyElementsOf(this.handled);
	}

	@Test
	void failingHandlerShouldBeLoggedAndNotKeepTheNextHandlerFromTheFailure(CapturedOutput output) {
		DelegatingManagedExecutor executor = propagating((event) -> {
			throw new IllegalArgumentException("handler boom");
		}, this.handled::add);
		executor.submit(this::fail);
		await().until(() -> this.published.size() == 1);
		assertThat(this.handled).hasSize(1);
		assertThat(output).contains("java.lang.IllegalArgumentException: handler boom");
	}

	@Test
	void failingEventListenerShouldBeLoggedAndKeepThePoolThread(CapturedOutput output) throws Exception {
		TaskFailureReporter reporter = new TaskFailureReporter(List.of(), (event) -> {
			throw new IllegalArgumentException("listener boom");
		});
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("reports"), reporter);
		String firstThread = executor.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
		executor.submit(this::fail);
		await().until(() -> executor.stats().inFlight() == 0);
		assertThat(executor.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS))
			.isEqualTo(firstThread);
		assertThat(output).contains("java.lang.IllegalArgumentException: listener boom")
			.doesNotContain("Exception in thread");
	}

	@Test
	void failureShouldStayInTheFutureOnlyWhenExceptionsAreNotPropagated(CapturedOutput output) {
		// Flask-Executor #24: failures were either always swallowed or needed a callback per future
		DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("quiet"), null);
		FutureProxy<?> future = executor.submitStored("job-1", this::fail);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
			.withCauseInstanceOf(IllegalStateException.class);
		await().until(() -> executor.stats().inFlight() == 0);
		assertThat(output).doesNotContain("on executor 'quiet' failed");
	}

	@Test
	void timeoutFollowedByTheInterruptedExceptionOfTheTaskShouldBeReportedOnce() {
		DelegatingManagedExecutor executor = this.executors.create(
				TestSpecs.spec("reports").withTaskTimeout(Duration.ofMillis(100)),
				new TaskFailureReporter(List.of(this.handled::add), this.published::add));
		FutureProxy<Boolean> future = executor.submit(() -> this.release.await(5, TimeUnit.SECONDS));
		await().until(future::isDone);
		await().until(() -> executor.stats().inFlight() == 0);
		assertThat(this.handled).singleElement()
			.extracting(TaskFailedEvent::getException)
			.isInstanceOf(TaskTimeoutException.class);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void cancelledTaskShouldNotBeReported() throws Exception {
		DelegatingManagedExecutor executor = propagating(this.handled::add);
		CountDownLatch started = new CountDownLatch(1);
		FutureProxy<Boolean> future = executor.submit(() -> {
			started.countDown();
			return this.release.await(5, TimeUnit.SECONDS);
		});
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		future.cancel(true);
		await().until(() -> executor.stats().inFlight() == 0);
		assertThat(this.handled).isEmpty();
		assertThat(this.published).isEmpty();
	}

	private DelegatingManagedExecutor propagating(TaskFailureHandler... handlers) {
		TaskFailureReporter reporter = new TaskFailureReporter(List.of(handlers), this.published::add);
		return this.executors.create(TestSpecs.spec("reports").withPropagateExceptions(true), reporter);
	}

	private String fail() {
		throw new IllegalStateException("boom");
	}

}
