package dev.executor.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.WorkerCrashedException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that a worker process that dies, whatever the reason, fails only the task it ran
 * with a {@link WorkerCrashedException}, and that the pool replaces it and goes on. The
 * tests share one executor with two workers and a small heap.
 */
@TestInstance(Lifecycle.PER_CLASS)
class WorkerCrashTests {

	private ManagedExecutor executor;

	@TempDir
	Path tempDir;

	@BeforeAll
	void createExecutor() {
		this.executor = TestProcessExecutors.create("executor.max-workers=2", "executor.process.jvm-args=-Xmx64m");
	}

	@AfterAll
	void closeExecutor() {
		this.executor.close();
	}

	@Test
	void workerKilledWhileBusyShouldFailOnlyItsTaskAndBeReplaced() throws Exception {
		Path pidFile = this.tempDir.resolve("victim.pid");
		String path = pidFile.toString();
		FutureProxy<Object> victim = this.executor.submit(() -> WorkerTasks.reportPidAndBlock(path));
		long pid = WorkerTasks.awaitPid(pidFile);
		List<FutureProxy<Integer>> others = IntStream.range(0, 30)
			.mapToObj((i) -> this.executor.submit(() -> slowSquare(i)))
			.toList();
		ProcessHandle.of(pid).orElseThrow().destroyForcibly();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> victim.get(20, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(WorkerCrashedException.class, (crash) -> {
				assertThat(crash.getPid()).isEqualTo(pid);
				assertThat(crash.getExitCode()).isEqualTo(137);
				assertThat(crash.getSignal()).hasValue(9);
				assertThat(crash.getMessage()).contains("ended before the task finished, with exit code 137 "
						+ "(killed by signal 9)");
			});
		assertThat(others).allSatisfy((future) -> assertThat(future.get(20, TimeUnit.SECONDS)).isNotNegative());
		assertThat(others.stream().map(FutureProxy::join)).containsExactlyElementsOf(
				IntStream.range(0, 30).mapToObj((i) -> i * i).toList());
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool().workerProcesses())
			.hasSize(2)
			.noneMatch((worker) -> worker.pid() == pid));
	}

	@Test
	void systemExitInATaskShouldFailItWithTheExitCode() throws Exception {
		FutureProxy<Object> exiting = this.executor.submit(() -> {
			System.err.println("about to exit");
			System.exit(7);
			return null;
		});
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> exiting.get(20, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(WorkerCrashedException.class, (crash) -> {
				assertThat(crash.getExitCode()).isEqualTo(7);
				assertThat(crash.getSignal()).isEmpty();
				assertThat(crash.getLastOutput()).containsExactly("about to exit");
			});
		assertThat(this.executor.submit(() -> "still working").get(20, TimeUnit.SECONDS)).isEqualTo("still working");
	}

	@Test
	void outOfMemoryShouldEndTheWorkerAndReportItsLastOutput() throws Exception {
		FutureProxy<Object> hungry = this.executor.submit(WorkerTasks::exhaustHeap);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> hungry.get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(WorkerCrashedException.class, (crash) -> {
				assertThat(crash.getExitCode()).isEqualTo(3);
				assertThat(crash.getLastOutput())
					.contains("Terminating due to java.lang.OutOfMemoryError: Java heap space");
			});
		assertThat(this.executor.submit(() -> 1 + 1).get(20, TimeUnit.SECONDS)).isEqualTo(2);
	}

	private ProcessPool pool() {
		return this.executor.pool(ProcessPool.class).orElseThrow();
	}

	private static int slowSquare(int i) throws InterruptedException {
		Thread.sleep(10);
		return i * i;
	}

}
