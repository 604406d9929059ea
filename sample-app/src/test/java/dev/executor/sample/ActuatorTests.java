package dev.executor.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests over real HTTP of the Actuator endpoints of the sample application as an
 * anonymous client, as {@code user} (role {@code USER}) and as {@code admin} (role
 * {@code ADMIN}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ActuatorTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Test
	void anonymousClientShouldBeUnauthorizedOnExecutors() {
		assertThat(call(HttpMethod.GET, "/actuator/executors", null).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(call(HttpMethod.DELETE, "/actuator/executors/default/any", null).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anonymousClientShouldSeeTheHealthStatusWithoutDetails() {
		ResponseEntity<Map<String, Object>> health = call(HttpMethod.GET, "/actuator/health", null);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).containsEntry("status", "UP").doesNotContainKey("components");
	}

	@Test
	void wrongPasswordShouldBeUnauthorized() {
		ResponseEntity<Map<String, Object>> response = client().get()
			.uri("/actuator/executors")
			.headers((headers) -> headers.setBasicAuth("admin", "wrong"))
			.retrieve()
			.toEntity(JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void userShouldListTheExecutors() {
		ResponseEntity<Map<String, Object>> response = call(HttpMethod.GET, "/actuator/executors", "user");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(map(response.getBody(), "executors")).containsKeys("default", "reports", "notifications");
	}

	@Test
	void userShouldSeeAStoredFutureWithoutItsResult() {
		startJob("seen-by-user");
		Map<String, Object> job = awaitFinished("seen-by-user", "user");
		assertThat(job).containsEntry("state", "FINISHED").containsEntry("result", "******");
	}

	@Test
	void adminShouldSeeAStoredFutureWithItsResult() {
		startJob("seen-by-admin");
		Map<String, Object> job = awaitFinished("seen-by-admin", "admin");
		assertThat(job).containsEntry("state", "FINISHED").containsEntry("result", 25);
	}

	@Test
	void userShouldSeeThatAStoredFutureFailedButNotWhy() {
		startExport("failed-for-user", 0);
		Map<String, Object> export = awaitState("export-failed-for-user", "FAILED", "user");
		assertThat(export).containsEntry("exception",
				Map.of("type", "******", "message", "******", "stackTrace", "******"));
	}

	@Test
	void adminShouldSeeWhyAStoredFutureFailed() {
		startExport("failed-for-admin", 0);
		Map<String, Object> export = awaitState("export-failed-for-admin", "FAILED", "admin");
		@SuppressWarnings("unchecked")
		Map<String, Object> exception = (Map<String, Object>) export.get("exception");
		assertThat(exception).containsEntry("type", IllegalArgumentException.class.getName())
			.containsEntry("message", "An export needs at least 1 page, not 0")
			.hasEntrySatisfying("stackTrace", (stackTrace) -> assertThat(stackTrace).asString()
				.startsWith(IllegalArgumentException.class.getName() + ": An export needs at least 1 page, not 0"));
	}

	@Test
	void userShouldBeForbiddenToCancelAStoredFuture() {
		startExport("kept");
		ResponseEntity<Map<String, Object>> cancel = call(HttpMethod.DELETE, "/actuator/executors/default/export-kept",
				"user");
		assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call(HttpMethod.GET, "/actuator/executors/default/export-kept", "admin").getBody())
			.containsEntry("state", "RUNNING");
		call(HttpMethod.DELETE, "/actuator/executors/default/export-kept", "admin");
	}

	@Test
	void adminShouldCancelARunningExport() {
		startExport("cancelled");
		await().until(() -> call(HttpMethod.GET, "/actuator/executors/default/export-cancelled", "admin").getBody(),
				(export) -> "RUNNING".equals(export.get("state")));
		ResponseEntity<Map<String, Object>> cancel = call(HttpMethod.DELETE,
				"/actuator/executors/default/export-cancelled", "admin");
		assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cancel.getBody()).containsEntry("key", "export-cancelled").containsEntry("state", "CANCELLED");
		assertThat(call(HttpMethod.GET, "/actuator/executors/default/export-cancelled", "admin").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void userShouldReadTheMetersOfEveryExecutor() {
		ResponseEntity<Map<String, Object>> active = call(HttpMethod.GET, "/actuator/metrics/executor.active", "user");
		assertThat(active.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tagValues(active.getBody(), "name")).contains("default", "reports", "notifications");
		Map<String, Object> tasks = call(HttpMethod.GET, "/actuator/metrics/executor.tasks?tag=name:default", "user")
			.getBody();
		assertThat(tagValues(tasks, "outcome")).containsExactlyInAnyOrder("success", "failure", "cancelled",
				"timeout");
	}

	@Test
	void adminShouldSeeEveryExecutorInTheHealthDetails() {
		Map<String, Object> health = call(HttpMethod.GET, "/actuator/health", "admin").getBody();
		Map<String, Object> executors = map(map(health, "components"), "executors");
		assertThat(executors).containsEntry("status", "UP");
		Map<String, Object> reports = map(map(executors, "components"), "reports");
		assertThat(reports).containsEntry("status", "UP");
		assertThat(map(reports, "details")).containsEntry("type", "thread").containsEntry("maxWorkers", 2);
	}

	private void startJob(String key) {
		assertThat(call(HttpMethod.POST, "/jobs/" + key + "?below=100", null).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
	}

	private void startExport(String name) {
		startExport(name, 50);
	}

	private void startExport(String name, int pages) {
		assertThat(call(HttpMethod.POST, "/exports/" + name + "?pages=" + pages, null).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
	}

	private Map<String, Object> awaitFinished(String key, String user) {
		return awaitState(key, "FINISHED", user);
	}

	private Map<String, Object> awaitState(String key, String state, String user) {
		return await().until(() -> call(HttpMethod.GET, "/actuator/executors/default/" + key, user).getBody(),
				(future) -> state.equals(future.get("state")));
	}

	private ResponseEntity<Map<String, Object>> call(HttpMethod method, String uri, String user) {
		return client().method(method).uri(uri).headers((headers) -> {
			if (user != null) {
				headers.setBasicAuth(user, user + "-demo");
			}
		}).retrieve().toEntity(JSON_OBJECT);
	}

	private RestClient client() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> json, String name) {
		return (Map<String, Object>) json.get(name);
	}

	@SuppressWarnings("unchecked")
	private static List<String> tagValues(Map<String, Object> metric, String tag) {
		return ((List<Map<String, Object>>) metric.get("availableTags")).stream()
			.filter((available) -> tag.equals(available.get("tag")))
			.flatMap((available) -> ((List<String>) available.get("values")).stream())
			.toList();
	}

}
