package dev.executor.actuate.endpoint;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.await;
import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the {@code executors} endpoint over real HTTP with read-only access.
 */
@SpringBootTest(classes = ExecutorsEndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=executors",
				"management.endpoint.executors.access=read-only" })
class ExecutorsEndpointReadOnlyAccessWebTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ManagedExecutor executor;

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseTasks() {
		this.release.countDown();
	}

	@Test
	void deleteShouldBeRefusedAndLeaveTheFutureRunning() throws Exception {
		FutureProxy<Boolean> future = this.executor.submitStored("running", () -> {
			this.started.countDown();
			return this.release.await(5, TimeUnit.SECONDS);
		});
		assertThat(await(this.started)).isTrue();
		ResponseEntity<Void> response = ExecutorsEndpointApplication.client(this.port)
			.delete()
			.uri("/default/running")
			.retrieve()
			.toBodilessEntity();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(future.state()).isEqualTo(FutureState.RUNNING);
		assertThat(this.executor.futures().contains("running")).isTrue();
	}

	@Test
	void readOperationsShouldStillAnswer() {
		ResponseEntity<Map<String, Object>> response = get(ExecutorsEndpointApplication.client(this.port), "/default");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("name", "default");
	}

}
