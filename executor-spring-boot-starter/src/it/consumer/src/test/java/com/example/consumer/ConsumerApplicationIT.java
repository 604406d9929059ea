package com.example.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the application's jar, processed ahead of time and started with
 * {@code -Dspring.aot.enabled=true}.
 * The application is started once for all tests, which only call it.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ConsumerApplicationIT {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private Path log;

	private Process application;

	private int port;

	@BeforeAll
	void startApplication() throws Exception {
		this.log = Files.createTempFile("consumer", ".log");
		this.application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dspring.aot.enabled=true", "-jar", System.getProperty("consumer.jar"), "--server.port=0")
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.start();
		this.port = Awaitility.await().atMost(Duration.ofSeconds(90)).until(this::findPort, Optional::isPresent).get();
	}

	@AfterAll
	void stopApplication() throws Exception {
		this.application.destroy();
		if (!this.application.waitFor(30, TimeUnit.SECONDS)) {
			this.application.destroyForcibly();
		}
		Files.deleteIfExists(this.log);
	}

	@Test
	void applicationShouldStartFromTheGeneratedCode() throws Exception {
		assertThat(Files.readString(this.log)).contains("Starting AOT-processed ConsumerApplication");
	}

	@Test
	void defaultExecutorShouldAnswer() throws Exception {
		assertThat(get("/default")).startsWith("executor-");
	}

	@Test
	void namedExecutorShouldAnswer() throws Exception {
		assertThat(get("/named")).startsWith("reports-");
	}

	@Test
	void processExecutorShouldAnswerFromAWorkerProcess() throws Exception {
		assertThat(Long.parseLong(get("/process"))).isNotEqualTo(this.application.pid());
	}

	@Test
	void jobMethodShouldAnswerFromItsExecutor() throws Exception {
		assertThat(get("/job")).startsWith("reports-");
	}

	private Optional<Integer> findPort() throws Exception {
		String output = Files.readString(this.log);
		assertThat(this.application.isAlive()).as("application is running; its log:%n%s", output).isTrue();
		Matcher matcher = PORT.matcher(output);
		return matcher.find() ? Optional.of(Integer.valueOf(matcher.group(1))) : Optional.empty();
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}
