package dev.executor.docs.quickstart;

import java.util.List;

import org.awaitility.Awaitility;
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
 * Tests of the README's Quick start over real HTTP, with its own application.yml. The
 * sample's class path holds Spring Security, which the Quick start's application does
 * not have: it is left out here.
 */
@SpringBootTest(classes = QuickStartApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.location=classpath:quickstart/application.yml",
				"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
class QuickStartApplicationTests {

	@LocalServerPort
	private int port;

	private RestClient client() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void squaresShouldComeBackInInputOrder() {
		List<Integer> squares = client().get()
			.uri("/squares?n=3,1,2")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(squares).containsExactly(9, 1, 4);
	}

	@Test
	void renderedReportShouldBeFetchedByALaterRequestFromTheReportsExecutor() {
		client().post().uri("/reports/q3").retrieve().toBodilessEntity();
		Awaitility.await().untilAsserted(() -> {
			ResponseEntity<String> report = client().get().uri("/reports/q3").retrieve().toEntity(String.class);
			assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(report.getBody()).startsWith("Report q3 rendered on reports-");
		});
	}

	@Test
	void unknownReportShouldAnswerNotFound() {
		ResponseEntity<String> report = client().get().uri("/reports/nothing").retrieve().toEntity(String.class);
		assertThat(report.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
