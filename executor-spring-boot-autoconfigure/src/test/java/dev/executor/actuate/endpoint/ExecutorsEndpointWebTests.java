package dev.executor.actuate.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.JSON_OBJECT;
import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.await;
import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.get;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the {@code executors} endpoint over real HTTP, with the default
 * {@code show-values} of {@code never}.
 */
@SpringBootTest(classes = ExecutorsEndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=executors",
				"management.endpoint.executors.access=unrestricted", "executor.max-workers=2",
				"executor.named.reports.max-workers=1", "executor.named.listed.max-workers=1",
				"executor.named.listed.queue-capacity=1" })
class ExecutorsEndpointWebTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ManagedExecutors executors;

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseTasks() {
		this.release.countDown();
	}

	@Test
	void executorsShouldListEveryExecutorWithItsPoolFigures() throws Exception {
		ManagedExecutor listed = this.executors.get("listed");
		listed.submit(() -> "completed").get(5, TimeUnit.SECONDS);
		listed.submitStored("running", this::startAndAwaitRelease);
		assertThat(await(this.started)).isTrue();
		listed.submit(() -> "queued");
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> listed.submit(() -> "rejected"));
		ResponseEntity<Map<String, Object>> response = get(client(), "");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> executors = map(response.getBody(), "executors");
		assertThat(executors).containsOnlyKeys("default", "reports", "listed");
		assertThat(map(executors, "listed")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(entry("type", "thread"),
				entry("maxWorkers", 1), entry("active", 1), entry("queued", 1), entry("completed", 1),
				entry("failed", 0), entry("cancelled", 0), entry("rejected", 1), entry("retries", 0),
				entry("storedFutures", 1), entry("health", Map.of("status", "DOWN", "reason", "full"))));
	}

	@Test
	void executorShouldShowItsStoredFuturesWithTheirStateAndTimes() throws Exception {
		ManagedExecutor reports = this.executors.get("reports");
		reports.submitStored("finished-report", () -> 42).get(5, TimeUnit.SECONDS);
		reports.submitStored("running-report", this::startAndAwaitRelease);
		assertThat(await(this.started)).isTrue();
		Map<String, Object> body = get(client(), "/reports").getBody();
		assertThat(body).containsEntry("name", "reports").containsEntry("type", "thread");
		Map<String, Object> finished = future(body, "finished-report");
		assertThat(finished).containsEntry("state", "FINISHED").doesNotContainKey("result");
		Instant submitted = Instant.parse((String) finished.get("submitted"));
		assertThat(Instant.parse((String) finished.get("started"))).isAfterOrEqualTo(submitted);
		assertThat(Instant.parse((String) finished.get("finished"))).isAfterOrEqualTo(submitted);
		assertThat(Duration.parse((String) finished.get("duration"))).isGreaterThanOrEqualTo(Duration.ZERO);
		Map<String, Object> running = future(body, "running-report");
		assertThat(running).containsEntry("state", "RUNNING")
			.containsKeys("submitted", "started", "duration")
			.doesNotContainKey("finished");
	}

	@Test
	void futureShouldShowItsStateAndTimesButHideItsResult() throws Exception {
		this.executors.get("default").submitStored("hidden-result", () -> "secret").get(5, TimeUnit.SECONDS);
		ResponseEntity<Map<String, Object>> response = get(client(), "/default/hidden-result");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("executor", "default")
			.containsEntry("key", "hidden-result")
			.containsEntry("state", "FINISHED")
			.containsEntry("result", "******")
			.containsKeys("submitted", "started", "finished", "duration")
			.doesNotContainKey("exception");
	}

	@Test
	void failedFutureShouldHideItsException() {
		this.executors.get("default").submitStored("hidden-exception", () -> {
			throw new IllegalStateException("secret");
		});
		Map<String, Object> body = await().until(() -> get(client(), "/default/hidden-exception").getBody(),
				(future) -> "FAILED".equals(future.get("state")));
		assertThat(map(body, "exception")).containsExactlyInAnyOrderEntriesOf(
				Map.of("type", "******", "message", "******", "stackTrace", "******"));
		assertThat(body).doesNotContainKey("result");
	}

	@Test
	void deleteShouldCancelARunningFutureWithInterruptionAndRemoveIt() throws Exception {
		CountDownLatch interrupted = new CountDownLatch(1);
		ManagedExecutor executor = this.executors.get("default");
		executor.submitStored("cancelled", () -> {
			this.started.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
		});
		assertThat(await(this.started)).isTrue();
		ResponseEntity<Map<String, Object>> response = client().delete()
			.uri("/default/cancelled")
			.retrieve()
			.toEntity(JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("key", "cancelled").containsEntry("state", "CANCELLED");
		assertThat(await(interrupted)).isTrue();
		assertThat(executor.futures().contains("cancelled")).isFalse();
		assertThat(get(client(), "/default/cancelled").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void deleteOfAFinishedFutureShouldRemoveItAndKeepItsState() throws Exception {
		ManagedExecutor executor = this.executors.get("default");
		executor.submitStored("finished", () -> "done").get(5, TimeUnit.SECONDS);
		ResponseEntity<Map<String, Object>> response = client().delete()
			.uri("/default/finished")
			.retrieve()
			.toEntity(JSON_OBJECT);
		assertThat(response.getBody()).containsEntry("state", "FINISHED");
		assertThat(executor.futures().contains("finished")).isFalse();
	}

	@Test
	void keyWithSlashesShouldBeAddressedByItsPathSegments() throws Exception {
		ManagedExecutor executor = this.executors.get("default");
		executor.submitStored("reports/2026/11", () -> "done").get(5, TimeUnit.SECONDS);
		ResponseEntity<Map<String, Object>> found = get(client(), "/default/reports/2026/11");
		assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(found.getBody()).containsEntry("key", "reports/2026/11").containsEntry("state", "FINISHED");
		assertNotFound(get(client(), "/default/reports/2026"),
				Map.of("message", "Executor 'default' stores no future under the key 'reports/2026'"));
		ResponseEntity<Map<String, Object>> deleted = client().delete()
			.uri("/default/reports/2026/11")
			.retrieve()
			.toEntity(JSON_OBJECT);
		assertThat(deleted.getBody()).containsEntry("key", "reports/2026/11");
		assertThat(executor.futures().contains("reports/2026/11")).isFalse();
	}

	@Test
	void unknownExecutorShouldAnswerNotFoundWithAMessage() {
		Map<String, Object> message = Map.of("message", "No executor named 'unknown'");
		assertNotFound(get(client(), "/unknown"), message);
		assertNotFound(get(client(), "/unknown/key"), message);
		assertNotFound(client().delete().uri("/unknown/key").retrieve().toEntity(JSON_OBJECT), message);
	}

	@Test
	void unknownKeyShouldAnswerNotFoundWithAMessage() {
		Map<String, Object> message = Map.of("message", "Executor 'default' stores no future under the key 'unknown'");
		assertNotFound(get(client(), "/default/unknown"), message);
		assertNotFound(client().delete().uri("/default/unknown").retrieve().toEntity(JSON_OBJECT), message);
	}

	private void assertNotFound(ResponseEntity<Map<String, Object>> response, Map<String, Object> message) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).isEqualTo(message);
	}

	private RestClient client() {
		return ExecutorsEndpointApplication.client(this.port);
	}

	private boolean startAndAwaitRelease() throws InterruptedException {
		this.started.countDown();
		return this.release.await(5, TimeUnit.SECONDS);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> json, String name) {
		return (Map<String, Object>) json.get(name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> future(Map<String, Object> executor, String key) {
		return ((List<Map<String, Object>>) executor.get("futures")).stream()
			.filter((future) -> key.equals(future.get("key")))
			.findFirst()
			.orElseThrow();
	}

}
