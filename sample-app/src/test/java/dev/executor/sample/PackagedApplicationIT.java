package dev.executor.sample;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the repackaged sample application, started with {@code java -jar} the way it
 * runs in production, where the application's classes are inside the jar's
 * {@code BOOT-INF/} rather than on {@code java.class.path}.
 */
class PackagedApplicationIT {

	private PackagedApplication application;

	@BeforeEach
	void startApplication() throws Exception {
		this.application = PackagedApplication.start();
	}

	@AfterEach
	void stopApplication() throws Exception {
		this.application.close();
	}

	@Test
	void processExecutorShouldRunTasksInWorkersLaunchedFromTheJar() throws Exception {
		JsonNode primes = this.application.get("/isolated/primes?below=100");
		assertThat(primes.path("primes").asInt()).isEqualTo(25);
		long workerPid = primes.path("workerPid").asLong();
		assertThat(workerPid).isNotEqualTo(this.application.pid());
		ProcessHandle worker = ProcessHandle.of(workerPid).orElseThrow();
		assertThat(worker.parent().map(ProcessHandle::pid)).hasValue(this.application.pid());
		assertThat(worker.info().arguments().map(List::of).orElseThrow())
			.contains("-Dloader.main=dev.executor.process.WorkerMain",
					"org.springframework.boot.loader.launch.PropertiesLauncher");
		this.application.stop();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !worker.isAlive());
	}

	@Test
	void jobMethodOnAProcessExecutorShouldRunInAWorkerLaunchedFromTheJar() throws Exception {
		JsonNode primes = this.application.get("/isolated/primes/job?below=1000");
		assertThat(primes.path("primes").asInt()).isEqualTo(168);
		assertThat(primes.path("workerPid").asLong()).isNotEqualTo(this.application.pid());
	}

}
