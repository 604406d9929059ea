package dev.executor.sample;

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

/**
 * Tests of {@link PartnerController} over real HTTP: the {@code partner} executor retries
 * the flaky partner's failures.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PartnerControllerTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Test
	void quoteFailingTwiceShouldBeAnsweredOnTheThirdAttempt() {
		Map<String, Object> quote = quote("o-1", 2).getBody();
		assertThat(quote).containsEntry("quote", "Quote for order o-1 after 3 calls").containsEntry("attempts", 3);
	}

	@Test
	void quoteFailingMoreOftenThanTheExecutorRetriesShouldFail() {
		ResponseEntity<Map<String, Object>> failed = quote("o-2", 4);
		assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	@Test
	void previewShouldNotBeRetried() {
		assertThat(quote("o-3/preview", 1).getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(quote("o-3/preview", 1).getBody()).containsEntry("attempts", 1);
	}

	@Test
	void confirmationJobFailingTwiceShouldBeRetriedByItsRetryableAnnotation() {
		Map<String, Object> confirmation = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/orders/o-4/confirmation?failures=2")
			.retrieve()
			.body(JSON_OBJECT);
		assertThat(confirmation).containsEntry("confirmation", "Quote for order confirmation of o-4 after 3 calls")
			.containsEntry("attempts", 3);
	}

	private ResponseEntity<Map<String, Object>> quote(String path, int failures) {
		return RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/quotes/" + path + "?failures={failures}", failures)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(JSON_OBJECT);
	}

}
