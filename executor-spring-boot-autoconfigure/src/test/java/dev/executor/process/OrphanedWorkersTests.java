package dev.executor.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that worker processes do not outlive the application that started them, even
 * when it is killed without a chance to clean up.
 */
class OrphanedWorkersTests {

	@TempDir
	Path tempDir;

	@Test
	void workersShouldEndWhenTheApplicationIsKilled() throws Exception {
		Path workersFile = this.tempDir.resolve("workers");
		Path busyPidFile = this.tempDir.resolve("busy.pid");
		Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), OrphanedWorkersParent.class.getName(),
				workersFile.toString(), busyPidFile.toString())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(workersFile));
			List<Long> workers = Arrays.stream(Files.readString(workersFile).split(" ")).map(Long::valueOf).toList();
			assertThat(workers).hasSize(2).contains(WorkerTasks.awaitPid(busyPidFile));
			application.destroyForcibly().waitFor();
			workers.forEach(WorkerTasks::awaitEnded);
		}
		finally {
			application.destroyForcibly();
		}
	}

}
