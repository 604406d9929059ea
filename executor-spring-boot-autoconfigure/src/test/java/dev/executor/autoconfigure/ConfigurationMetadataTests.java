package dev.executor.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the generated configuration metadata describes every {@code executor.*} key,
 * so that IDEs complete and explain them.
 */
class ConfigurationMetadataTests {

	@Test
	void metadataShouldDescribeEveryExecutorProperty() throws IOException {
		Map<String, JsonNode> properties = properties();
		assertThat(properties).containsKeys("executor.type", "executor.max-workers", "executor.queue-capacity",
				"executor.thread-name-prefix", "executor.pool-class", "executor.propagate-exceptions",
				"executor.task-timeout", "executor.context.propagate", "executor.futures.max-length",
				"executor.futures.time-to-live", "executor.shutdown.await-termination",
				"executor.shutdown.await-termination-period", "executor.process.jvm-args",
				"executor.process.max-tasks-per-worker", "executor.process.idle-timeout", "executor.process.prestart",
				"executor.named");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat(property.path("description").asString()).isNotBlank());
	}

	@Test
	void metadataShouldCarryTheDefaults() throws IOException {
		Map<String, JsonNode> properties = properties();
		assertThat(properties.get("executor.type").path("defaultValue").asString()).isEqualTo("thread");
		assertThat(properties.get("executor.futures.max-length").path("defaultValue").asInt()).isEqualTo(50);
		assertThat(properties.get("executor.shutdown.await-termination-period").path("defaultValue").asString())
			.isEqualTo("30s");
		assertThat(properties.get("executor.process.prestart").path("defaultValue").asBoolean()).isTrue();
	}

	@Test
	void metadataShouldDescribeTheExecutorsEndpoint() throws IOException {
		Map<String, JsonNode> properties = properties();
		assertThat(properties).containsKeys("management.endpoint.executors.access",
				"management.endpoint.executors.show-values", "management.endpoint.executors.roles");
		assertThat(properties.get("management.endpoint.executors.show-values").path("defaultValue").asString())
			.isEqualTo("never");
	}

	private Map<String, JsonNode> properties() throws IOException {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			Map<String, JsonNode> properties = new HashMap<>();
			for (JsonNode property : JsonMapper.builder().build().readTree(json).path("properties")) {
				properties.put(property.path("name").asString(), property);
			}
			return properties;
		}
	}

}
