package dev.executor.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the repackaged sample application, started with {@code java -jar} the way it
 * runs in production, where the application's classes are inside the jar's
 * {@code BOOT-INF/} rather than on {@code java.class.path}.
 */
class PackagedApplicationIT {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private Path log;

	private Process application;

	@BeforeEach
	void startApplication() throws IOException {
		Path jar = Path.of(System.getProperty("sample.jar", "target/sample-app-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).exists();
		this.log = Files.createTempFile("packaged-sample-app", ".log");
		this.application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString(), "--server.port=0")
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.start();
	}

	@AfterEach
	void stopApplication() throws Exception {
		this.application.destroy();
		if (!this.application.waitFor(30, TimeUnit.SECONDS)) {
			this.application.destroyForcibly();
		}
		Files.deleteIfExists(this.log);
	}

	@Test
	void processExecutorShouldRunTasksInWorkersLaunchedFromTheJar() throws Exception {
		int port = awaitPort();
		JsonNode primes = get(port, "/isolated/primes?below=100");
		assertThat(primes.path("primes").asInt()).isEqualTo(25);
		long workerPid = primes.path("workerPid").asLong();
		assertThat(workerPid).isNotEqualTo(this.application.pid());
		ProcessHandle worker = ProcessHandle.of(workerPid).orElseThrow();
		assertThat(worker.parent().map(ProcessHandle::pid)).hasValue(this.application.pid());
		assertThat(worker.info().arguments().map(List::of).orElseThrow())
			.contains("-Dloader.main=dev.executor.process.WorkerMain",
					"org.springframework.boot.loader.launch.PropertiesLauncher");
		this.application.destroy();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !worker.isAlive());
	}

	@Test
	void jobMethodOnAProcessExecutorShouldRunInAWorkerLaunchedFromTheJar() throws Exception {
		int port = awaitPort();
		JsonNode primes = get(port, "/isolated/primes/job?below=1000");
		assertThat(primes.path("primes").asInt()).isEqualTo(168);
		assertThat(primes.path("workerPid").asLong()).isNotEqualTo(this.application.pid());
	}

	private int awaitPort() {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(90))
			.until(this::findPort, Optional::isPresent)
			.orElseThrow();
	}

	private Optional<Integer> findPort() throws IOException {
		assertThat(this.application.isAlive()).as("application is running; its log:%n%s", Files.readString(this.log))
			.isTrue();
		Matcher matcher = PORT.matcher(Files.readString(this.log));
		return matcher.find() ? Optional.of(Integer.valueOf(matcher.group(1))) : Optional.empty();
	}

	private static JsonNode get(int port, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

}
