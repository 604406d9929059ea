package dev.executor.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.TaskOptions;
import dev.executor.WorkerCrashedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the retries of failed tasks on a process executor: each attempt runs in a
 * worker process again, a worker that dies is just another failure, retried on a fresh
 * worker. The tests share one executor with one worker, retrying twice after 10ms except
 * for {@link IllegalArgumentException}; attempts count their calls in a file, since they
 * run in other JVMs.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ProcessRetryTests {

	private ManagedExecutor executor;

	@TempDir
	Path tempDir;

	@BeforeAll
	void createExecutor() {
		this.executor = TestProcessExecutors.create("executor.max-workers=1", "executor.retry.max-retries=2",
				"executor.retry.delay=10ms", "executor.retry.excludes=java.lang.IllegalArgumentException");
	}

	@AfterAll
	void closeExecutor() {
		this.executor.close();
	}

	@Test
	void taskFailingTwiceThenSucceedingShouldCompleteAfterThreeAttempts() throws Exception {
		String counter = counter("twice");
		FutureProxy<String> future = this.executor.submit(() -> failTimes(counter, 2, "done"));
		assertThat(future.get(20, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(future.attempts()).isEqualTo(3);
	}

	@Test
	void alwaysFailingTaskShouldFailWithTheLastFailureAfterThreeAttempts() {
		String counter = counter("always");
		FutureProxy<String> future = this.executor.submit(() -> failTimes(counter, 10, "never"));
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
	void workerKilledDuringTheFirstAttemptShouldBeRetriedOnAFreshWorker() throws Exception {
		String counter = counter("killed");
		Path pidFile = this.tempDir.resolve("victim.pid");
		String path = pidFile.toString();
		FutureProxy<Long> future = this.executor.submit(() -> blockOnFirstAttempt(counter, path));
		long victim = WorkerTasks.awaitPid(pidFile);
		ProcessHandle.of(victim).orElseThrow().destroyForcibly();
		long retriedOn = future.get(30, TimeUnit.SECONDS);
		assertThat(retriedOn).isNotEqualTo(victim);
		assertThat(future.attempts()).isEqualTo(2);
	}

	@Test
	void backOffShouldNotHoldTheOnlyWorker() throws Exception {
		String counter = counter("backoff");
		RetryPolicy slow = RetryPolicy.builder().maxRetries(1).delay(Duration.ofSeconds(5)).build();
		FutureProxy<String> retried = this.executor.with(TaskOptions.retry(slow))
			.submit(() -> failTimes(counter, 1, "done"));
		await().atMost(Duration.ofSeconds(20)).until(() -> calls(counter) == 1 && retried.attempts() == 1);
		FutureProxy<String> other = this.executor.submit(() -> "other");
		assertThat(other.get(20, TimeUnit.SECONDS)).isEqualTo("other");
		assertThat(retried.state()).isEqualTo(FutureState.PENDING);
		assertThat(retried.get(30, TimeUnit.SECONDS)).isEqualTo("done");
	}

	@Test
	void crashWhenExcludedPerCallShouldFailAtTheFirstAttempt() throws Exception {
		Path pidFile = this.tempDir.resolve("excluded.pid");
		String path = pidFile.toString();
		RetryPolicy noCrashes = RetryPolicy.builder().maxRetries(2).excludes(WorkerCrashedException.class).build();
		FutureProxy<Object> future = this.executor.with(TaskOptions.retry(noCrashes))
			.submit(() -> WorkerTasks.reportPidAndBlock(path));
		ProcessHandle.of(WorkerTasks.awaitPid(pidFile)).orElseThrow().destroyForcibly();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(30, TimeUnit.SECONDS))
			.withCauseInstanceOf(WorkerCrashedException.class);
		assertThat(future.attempts()).isEqualTo(1);
	}

	private String counter(String name) {
		return this.tempDir.resolve(name + ".count").toString();
	}

	private static int calls(String counter) throws IOException {
		Path file = Path.of(counter);
		return Files.exists(file) ? Integer.parseInt(Files.readString(file)) : 0;
	}

	// runs in the worker: attempts run one after the other, so the file needs no lock
	private static int countCall(String counter) throws IOException {
		int call = calls(counter) + 1;
		Files.writeString(Path.of(counter), Integer.toString(call));
		return call;
	}

	private static String failTimes(String counter, int failures, String result) throws IOException {
		int call = countCall(counter);
		if (call <= failures) {
			throw new IllegalStateException("failure " + call);
		}
		return result;
	}

	private static long blockOnFirstAttempt(String counter, String pidFile) throws Exception {
		if (countCall(counter) == 1) {
			WorkerTasks.reportPidAndBlock(pidFile);
		}
		return ProcessHandle.current().pid();
	}

}
