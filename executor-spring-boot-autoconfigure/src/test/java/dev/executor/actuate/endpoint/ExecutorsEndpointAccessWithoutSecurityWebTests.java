package dev.executor.actuate.endpoint;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.JSON_OBJECT;
import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.await;
import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.client;
import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests over real HTTP of the {@code executors} endpoint's access in an application
 * without Spring Security, where anyone who reaches the endpoint may call every
 * operation its access allows: cancelling must be switched on, as Spring Boot's access
 * properties define.
 */
class ExecutorsEndpointAccessWithoutSecurityWebTests {

	private static final String EXPOSED = "management.endpoints.web.exposure.include=executors";

	@Nested
	@SpringBootTest(classes = UnsecuredExecutorsEndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = EXPOSED)
	class WhenAccessIsNotConfigured extends AccessTests {

		@Test
		void deleteShouldBeRefusedAndLeaveTheFutureRunning() throws Exception {
			assertRefusedAndStillRunning(delete(submitRunning()));
		}

		@Test
		void readOperationsShouldAnswerAnonymousClients() {
			ResponseEntity<Map<String, Object>> response = get(client(this.port), "/default");
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody()).containsEntry("name", "default");
		}

	}

	@Nested
	@SpringBootTest(classes = UnsecuredExecutorsEndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { EXPOSED, "management.endpoint.executors.access=unrestricted" })
	class WhenAccessIsUnrestricted extends AccessTests {

		@Test
		void deleteShouldCancelTheFutureWithInterruption() throws Exception {
			assertCancelled(delete(submitRunning()));
		}

	}

	@Nested
	@SpringBootTest(classes = UnsecuredExecutorsEndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { EXPOSED, "management.endpoints.access.default=unrestricted" })
	class WhenEveryEndpointIsUnrestrictedByDefault extends AccessTests {

		@Test
		void deleteShouldCancelTheFutureWithInterruption() throws Exception {
			assertCancelled(delete(submitRunning()));
		}

	}

	@Nested
	@SpringBootTest(classes = UnsecuredExecutorsEndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { EXPOSED, "management.endpoints.access.default=none",
					"management.endpoint.executors.access=unrestricted" })
	class WhenAccessIsUnrestrictedAndEveryOtherEndpointIsOff extends AccessTests {

		@Test
		void deleteShouldCancelTheFutureWithInterruption() throws Exception {
			assertCancelled(delete(submitRunning()));
		}

	}

	@Nested
	@SpringBootTest(classes = UnsecuredExecutorsEndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { EXPOSED, "management.endpoint.executors.access=unrestricted",
					"management.endpoints.access.max-permitted=read-only" })
	class WhenUnrestrictedAccessIsCappedAtReadOnly extends AccessTests {

		@Test
		void deleteShouldBeRefusedAndLeaveTheFutureRunning() throws Exception {
			assertRefusedAndStillRunning(delete(submitRunning()));
		}

	}

	abstract static class AccessTests {

		@LocalServerPort
		int port;

		@Autowired
		private ManagedExecutor executor;

		private final CountDownLatch started = new CountDownLatch(1);

		private final CountDownLatch interrupted = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		private FutureProxy<?> future;

		@AfterEach
		void releaseTask() {
			this.release.countDown();
		}

		String submitRunning() throws InterruptedException {
			this.future = this.executor.submitStored("running", () -> {
				this.started.countDown();
				try {
					this.release.await();
				}
				catch (InterruptedException ex) {
					this.interrupted.countDown();
				}
			});
			assertThat(await(this.started)).isTrue();
			return "running";
		}

		ResponseEntity<Map<String, Object>> delete(String key) {
			return client(this.port).delete().uri("/default/" + key).retrieve().toEntity(JSON_OBJECT);
		}

		void assertRefusedAndStillRunning(ResponseEntity<Map<String, Object>> response) {
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
			assertThat(this.future.state()).isEqualTo(FutureState.RUNNING);
			assertThat(this.interrupted.getCount()).isOne();
			assertThat(this.executor.futures().contains("running")).isTrue();
		}

		void assertCancelled(ResponseEntity<Map<String, Object>> response) throws InterruptedException {
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody()).containsEntry("key", "running").containsEntry("state", "CANCELLED");
			assertThat(await(this.interrupted)).isTrue();
			assertThat(this.executor.futures().contains("running")).isFalse();
		}

	}

}
