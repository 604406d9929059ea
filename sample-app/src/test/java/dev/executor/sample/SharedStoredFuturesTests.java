package dev.executor.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the sample application on one machine, sharing stored futures
 * through the embedded Hazelcast members they start on loopback, as docs/distributed.md
 * shows, or through one H2 database in server mode, as docs/database-store.md shows.
 */
class SharedStoredFuturesTests {

	@Test
	void reportRenderedThroughOneInstanceShouldBeReadableThroughTheOther() {
		renderThroughOneAndReadThroughTheOther("--executor.futures.store=hazelcast");
	}

	@Test
	void reportRenderedThroughOneInstanceShouldBeReadableThroughTheOtherFromTheSharedDatabase(@TempDir Path dir) {
		renderThroughOneAndReadThroughTheOther("--spring.profiles.active=shared-db",
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("shared") + ";AUTO_SERVER=TRUE");
	}

	@Test
	void reportRenderedThroughOneInstanceShouldBeShownByTheEndpointOfTheOtherFromTheSharedDatabase(
			@TempDir Path dir) {
		String[] args = { "--spring.profiles.active=shared-db",
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("shared") + ";AUTO_SERVER=TRUE" };
		try (ConfigurableApplicationContext a = start(args); ConfigurableApplicationContext b = start(args)) {
			client(a).get().uri("/rendered/{name}", "endpoint").retrieve().toBodilessEntity();
			Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Map<String, Object> future = client(b).get()
					.uri("/actuator/executors/reports/{key}", "report-endpoint")
					.headers((headers) -> headers.setBasicAuth("admin", "admin-demo"))
					.retrieve()
					.body(new ParameterizedTypeReference<>() {
					});
				assertThat(future).containsEntry("state", "FINISHED");
				assertThat((String) future.get("result")).startsWith("Report endpoint rendered on reports-");
			});
		}
	}

	private static void renderThroughOneAndReadThroughTheOther(String... args) {
		try (ConfigurableApplicationContext a = start(args); ConfigurableApplicationContext b = start(args)) {
			client(a).get().uri("/rendered/{name}", "shared").retrieve().toBodilessEntity();
			Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Map<String, Object> stored = client(b).get()
					.uri("/reports/stored/{key}", "report-shared")
					.retrieve()
					.body(new ParameterizedTypeReference<>() {
					});
				assertThat(stored).containsEntry("state", "FINISHED");
				assertThat((String) stored.get("result")).startsWith("Report shared rendered on reports-");
			});
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--server.port=0");
		return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.SERVLET)
			.run(all.toArray(String[]::new));
	}

	private static RestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return RestClient.create("http://localhost:" + port);
	}

}
