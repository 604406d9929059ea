package dev.executor.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the repackaged sample application processed ahead of time
 * ({@code spring-boot:process-aot}) and started with {@code -Dspring.aot.enabled=true},
 * so that its bean definitions come from the generated code instead of its
 * configuration classes.
 * The application is started once for all tests, which only call it.
 */
@TestInstance(Lifecycle.PER_CLASS)
class AotProcessedApplicationIT {

	private PackagedApplication application;

	@BeforeAll
	void startApplication() throws Exception {
		this.application = PackagedApplication.start("-Dspring.aot.enabled=true");
	}

	@AfterAll
	void stopApplication() throws Exception {
		this.application.close();
	}

	@Test
	void applicationShouldStartFromTheGeneratedCode() throws Exception {
		this.application.awaitPort();
		assertThat(this.application.log()).contains("Starting AOT-processed SampleApplication");
	}

	@Test
	void defaultAndNamedExecutorsShouldAnswer() throws Exception {
		JsonNode report = this.application.get("/reports/quarterly");
		assertThat(report.path("title").asString()).isEqualTo("Report quarterly");
		assertThat(report.path("pages").asInt()).isEqualTo(90);
		assertThat(report.path("executor").asString()).isEqualTo("reports");
	}

	@Test
	void processExecutorShouldRunTasksInWorkersLaunchedFromTheJar() throws Exception {
		JsonNode primes = this.application.get("/isolated/primes?below=100");
		assertThat(primes.path("primes").asInt()).isEqualTo(25);
		assertThat(primes.path("workerPid").asLong()).isNotEqualTo(this.application.pid());
	}

	@Test
	void jobMethodsShouldRunOnTheirExecutors() throws Exception {
		JsonNode rendered = this.application.get("/rendered/summary");
		assertThat(rendered.path("key").asString()).isEqualTo("report-summary");
		assertThat(rendered.path("report").asString()).startsWith("Report summary rendered on reports-");
		assertThat(rendered.path("pages").asInt()).isEqualTo(70);
	}

	@Test
	void jobMethodOnAProcessExecutorShouldRunInAWorkerLaunchedFromTheJar() throws Exception {
		JsonNode primes = this.application.get("/isolated/primes/job?below=1000");
		assertThat(primes.path("primes").asInt()).isEqualTo(168);
		assertThat(primes.path("workerPid").asLong()).isNotEqualTo(this.application.pid());
	}

}
