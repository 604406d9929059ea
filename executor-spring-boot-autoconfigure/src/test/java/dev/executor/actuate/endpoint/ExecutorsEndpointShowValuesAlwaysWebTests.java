package dev.executor.actuate.endpoint;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.executor.ManagedExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.executor.actuate.endpoint.ExecutorsEndpointApplication.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the {@code executors} endpoint over real HTTP with {@code show-values} set to
 * {@code always}.
 */
@SpringBootTest(classes = ExecutorsEndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=executors",
				"management.endpoint.executors.show-values=always",
				"spring.jackson.property-naming-strategy=SNAKE_CASE" })
class ExecutorsEndpointShowValuesAlwaysWebTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ManagedExecutor executor;

	@Test
	void resultShouldBeWrittenByTheApplicationsJsonMapper() throws Exception {
		this.executor.submitStored("report", () -> new Report("Sales", 3)).get(5, TimeUnit.SECONDS);
		Map<String, Object> body = get(ExecutorsEndpointApplication.client(this.port), "/default/report").getBody();
		assertThat(body).containsEntry("result", Map.of("title", "Sales", "page_count", 3));
	}

	@Test
	void resultThatCannotBeWrittenAsJsonShouldBeShownAsText() throws Exception {
		this.executor.submitStored("unwritable", Unwritable::new).get(5, TimeUnit.SECONDS);
		Map<String, Object> body = get(ExecutorsEndpointApplication.client(this.port), "/default/unwritable")
			.getBody();
		assertThat(body).containsEntry("result", "unwritable");
	}

	@Test
	void resultThatCanNeitherBeWrittenNorPrintedShouldBeShownAsItsClassName() throws Exception {
		this.executor.submitStored("unprintable", Unprintable::new).get(5, TimeUnit.SECONDS);
		Map<String, Object> body = get(ExecutorsEndpointApplication.client(this.port), "/default/unprintable")
			.getBody();
		assertThat(body).containsEntry("result", Unprintable.class.getName());
	}

	@Test
	void failedFutureShouldShowTheTypeAndMessageOfItsException() {
		this.executor.submitStored("failed", () -> {
			throw new IllegalStateException("Out of paper");
		});
		Map<String, Object> body = await().until(
				() -> get(ExecutorsEndpointApplication.client(this.port), "/default/failed").getBody(),
				(future) -> "FAILED".equals(future.get("state")));
		@SuppressWarnings("unchecked")
		Map<String, Object> exception = (Map<String, Object>) body.get("exception");
		assertThat(exception).containsEntry("type", IllegalStateException.class.getName())
			.containsEntry("message", "Out of paper")
			.hasEntrySatisfying("stackTrace", (stackTrace) -> assertThat(stackTrace).asString()
				.startsWith(IllegalStateException.class.getName() + ": Out of paper"));
	}

	record Report(String title, int pageCount) {

	}

	static class Unprintable extends Unwritable {

		@Override
		public String toString() {
			throw new IllegalStateException("cannot be printed");
		}

	}

	static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("cannot be read");
		}

		@Override
		public String toString() {
			return "unwritable";
		}

	}

}
