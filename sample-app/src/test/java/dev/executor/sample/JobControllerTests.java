package dev.executor.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link JobController} over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class JobControllerTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void startedJobShouldAnswerAcceptedWithItsKey() {
		ResponseEntity<Map<String, Object>> started = start("accepted");
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(started.getBody()).containsEntry("key", "accepted");
	}

	@Test
	void finishedJobShouldShowItsResultOnceAndThenBeGone() {
		start("primes-below-1000", 1000);
		Map<String, Object> job = await().until(() -> get("primes-below-1000").getBody(),
				(body) -> "FINISHED".equals(body.get("state")));
		assertThat(job).containsEntry("key", "primes-below-1000").containsEntry("result", 168);
		assertThat(get("primes-below-1000").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void startedJobShouldBeListedUnderItsKey() {
		start("listed");
		List<String> keys = client().get().uri("/jobs").retrieve().body(new ParameterizedTypeReference<>() {
		});
		assertThat(keys).contains("listed");
	}

	@Test
	void jobWithATakenKeyShouldAnswerConflict() {
		start("taken");
		ResponseEntity<Map<String, Object>> duplicate = start("taken");
		assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(duplicate.getBody()).containsEntry("key", "taken");
	}

	@Test
	void unknownJobShouldAnswerNotFound() {
		assertThat(get("unknown").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void primesShouldComeBackInInputOrder() {
		List<Integer> counts = client().get().uri("/primes?below=100,10,1000").retrieve().body(
				new ParameterizedTypeReference<>() {
				});
		assertThat(counts).containsExactly(25, 4, 168);
	}

	@Test
	void failedNotificationShouldReachTheFailureHandler() {
		ResponseEntity<Void> sent = client().post().uri("/notifications?to={to}", "nobody").retrieve().toBodilessEntity();
		assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		await().untilAsserted(() -> assertThat(client().get()
			.uri("/notifications/failed")
			.retrieve()
			.body(new ParameterizedTypeReference<List<String>>() {
			})).contains("notifications: Not an e-mail address: nobody"));
	}

	private ResponseEntity<Map<String, Object>> start(String key) {
		return start(key, 100);
	}

	private ResponseEntity<Map<String, Object>> start(String key, int below) {
		return client().post()
			.uri("/jobs/{key}?below={below}", key, below)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(JSON_OBJECT);
	}

	private ResponseEntity<Map<String, Object>> get(String key) {
		return client().get()
			.uri("/jobs/{key}", key)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(JSON_OBJECT);
	}

}
