package dev.executor.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repackaged sample application started with {@code java -jar} the way it runs in
 * production, where the application's classes are inside the jar's {@code BOOT-INF/}
 * rather than on {@code java.class.path}, and called over HTTP.
 */
final class PackagedApplication implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final Path log;

	private final Process process;

	private @Nullable Integer port;

	private PackagedApplication(Path log, Process process) {
		this.log = log;
		this.process = process;
	}

	/**
	 * Start the jar named by the {@code sample.jar} system property on a free port.
	 * @param jvmOptions options of the application's JVM
	 * @return the running application
	 * @throws IOException if the application cannot be started
	 */
	static PackagedApplication start(String... jvmOptions) throws IOException {
		Path jar = Path.of(System.getProperty("sample.jar", "target/sample-app-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).exists();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-jar", jar.toString(), "--server.port=0"));
		Path log = Files.createTempFile("packaged-sample-app", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new PackagedApplication(log, process);
	}

	/**
	 * Return the process id of the application.
	 * @return the process id
	 */
	long pid() {
		return this.process.pid();
	}

	/**
	 * Return what the application has logged so far.
	 * @return the log
	 * @throws IOException if the log cannot be read
	 */
	String log() throws IOException {
		return Files.readString(this.log);
	}

	/**
	 * Wait until the application serves HTTP and return its port.
	 * @return the port
	 */
	int awaitPort() {
		if (this.port == null) {
			this.port = Awaitility.await()
				.atMost(Duration.ofSeconds(90))
				.until(this::findPort, Optional::isPresent)
				.orElseThrow();
		}
		return this.port;
	}

	private Optional<Integer> findPort() throws IOException {
		assertThat(this.process.isAlive()).as("application is running; its log:%n%s", log()).isTrue();
		Matcher matcher = PORT.matcher(log());
		return matcher.find() ? Optional.of(Integer.valueOf(matcher.group(1))) : Optional.empty();
	}

	/**
	 * Call the application with a GET request that must answer 200 with JSON.
	 * @param path the path and query of the request
	 * @return the body of the response
	 * @throws Exception if the call fails
	 */
	JsonNode get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + awaitPort() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	/**
	 * Ask the application to stop, without waiting for it.
	 */
	void stop() {
		this.process.destroy();
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
		Files.deleteIfExists(this.log);
	}

}
