package dev.executor.actuate.endpoint;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.executor.ManagedExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.JSON_OBJECT;
import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the {@code executors} endpoint over real HTTP with {@code show-values} set to
 * {@code when-authorized} for the role {@code ADMIN}.
 */
@SpringBootTest(classes = ExecutorsEndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=executors",
				"management.endpoint.executors.show-values=when-authorized",
				"management.endpoint.executors.roles=ADMIN" })
class ExecutorsEndpointShowValuesWhenAuthorizedWebTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ManagedExecutor executor;

	@BeforeEach
	void storeFuture() throws Exception {
		if (!this.executor.futures().contains("answer")) {
			this.executor.submitStored("answer", () -> 42).get(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void anonymousRequestShouldNotSeeTheResult() {
		Map<String, Object> body = get(ExecutorsEndpointApplication.client(this.port), "/default/answer").getBody();
		assertThat(body).containsEntry("result", "******");
	}

	@Test
	void userWithTheRoleShouldSeeTheResult() {
		Map<String, Object> body = ExecutorsEndpointApplication.client(this.port)
			.get()
			.uri("/default/answer")
			.headers((headers) -> headers.setBasicAuth("admin", "secret"))
			.retrieve()
			.body(JSON_OBJECT);
		assertThat(body).containsEntry("result", 42);
	}

}
