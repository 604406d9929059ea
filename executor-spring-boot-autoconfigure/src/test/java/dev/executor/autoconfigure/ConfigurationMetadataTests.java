package dev.executor.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.executor.context.SnapshotContextPropagationFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the generated configuration metadata describes every {@code executor.*} key,
 * so that IDEs complete and explain them, with the defaults that the code applies.
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
				"executor.process.class-data-sharing.enabled", "executor.process.class-data-sharing.directory",
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
		assertThat(properties.get("executor.process.class-data-sharing.enabled").path("defaultValue").asBoolean())
			.isTrue();
	}

	@Test
	void metadataDefaultsShouldBeTheDefaultsOfTheProperties() throws IOException {
		BeanWrapperImpl defaults = new BeanWrapperImpl(new ExecutorProperties());
		Map<String, @Nullable String> inCode = new LinkedHashMap<>();
		Map<String, @Nullable String> inMetadata = new LinkedHashMap<>();
		for (String key : ExecutorKeys.topLevel()) {
			Object inCodeValue = defaults.getPropertyValue(propertyPath(key));
			JsonNode defaultValue = properties().get("executor." + key).path("defaultValue");
			String inMetadataValue = defaultValue.isMissingNode() ? null : defaultValue.asString();
			inCode.put(key, text(inCodeValue));
			inMetadata.put(key, inCodeForm(inCodeValue, inMetadataValue));
		}
		assertThat(inMetadata).isEqualTo(inCode);
	}

	@Test
	void metadataShouldDescribeTheTopLevelKeysAndNoOthers() throws IOException {
		List<String> executorKeys = new ArrayList<>();
		for (String name : properties().keySet()) {
			if (name.startsWith("executor.")) {
				executorKeys.add(name.substring("executor.".length()));
			}
		}
		assertThat(executorKeys).containsExactlyInAnyOrderElementsOf(ExecutorKeys.topLevel());
	}

	@Test
	void namedExecutorsShouldHaveEveryTopLevelKeyButNamedAndTheDashboard() {
		Set<String> topLevelOnly = new TreeSet<>(ExecutorKeys.topLevel());
		topLevelOnly.removeAll(ExecutorKeys.named());
		assertThat(topLevelOnly).containsExactly("dashboard.enabled", "dashboard.path", "named");
		assertThat(ExecutorKeys.topLevel()).containsAll(ExecutorKeys.named());
	}

	@Test
	void descriptionsShouldBeSentencesThatDoNotRepeatTheDefaults() throws IOException {
		assertThat(properties().values()).allSatisfy((property) -> {
			String description = property.path("description").asString();
			assertThat(description).doesNotContain("Defaults to", "(default").endsWith(".");
			if (property.path("type").asString().equals("java.lang.Boolean")) {
				assertThat(description).startsWith("Whether");
			}
		});
	}

	@Test
	void metadataShouldHintTheBuiltInValues() throws IOException {
		Map<String, List<String>> hints = hints();
		assertThat(hints.get("executor.type")).containsExactly("thread", "virtual", "process", "custom", "hazelcast");
		assertThat(hints.get("executor.futures.store")).containsExactly("local", "hazelcast", "jdbc");
		assertThat(hints.get("executor.context.include"))
			.containsExactlyElementsOf(SnapshotContextPropagationFactory.STANDARD_NAMES);
	}

	@Test
	void metadataShouldDescribeTheDashboardWithItsDefaults() throws IOException {
		Map<String, JsonNode> properties = properties();
		assertThat(properties.get("executor.dashboard.enabled").path("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("executor.dashboard.path").path("defaultValue").asString())
			.isEqualTo("/executors-dashboard");
	}

	@Test
	void metadataShouldDescribeTheHealthIndicator() throws IOException {
		JsonNode enabled = properties().get("management.health.executors.enabled");
		assertThat(enabled).isNotNull();
		assertThat(enabled.path("defaultValue").asBoolean()).isTrue();
	}

	@Test
	void metadataShouldDescribeTheExecutorsEndpoint() throws IOException {
		Map<String, JsonNode> properties = properties();
		assertThat(properties).containsKeys("management.endpoint.executors.access",
				"management.endpoint.executors.show-values", "management.endpoint.executors.roles");
		assertThat(properties.get("management.endpoint.executors.show-values").path("defaultValue").asString())
			.isEqualTo("never");
	}

	// the metadata writes 30s as "30s", 1.0 as 1, 1MB as "1MB" and enum constants in
	// lower case
	private static @Nullable String inCodeForm(@Nullable Object inCodeValue, @Nullable String inMetadataValue) {
		if (inCodeValue instanceof Duration && inMetadataValue != null) {
			return text(DurationStyle.detectAndParse(inMetadataValue));
		}
		if (inCodeValue instanceof DataSize && inMetadataValue != null) {
			return text(DataSize.parse(inMetadataValue));
		}
		if (inCodeValue instanceof Enum<?> && inMetadataValue != null) {
			return inMetadataValue.toUpperCase(Locale.ROOT);
		}
		if (inCodeValue instanceof Double && inMetadataValue != null) {
			return text(Double.valueOf(inMetadataValue));
		}
		return inMetadataValue;
	}

	private static String propertyPath(String key) {
		StringBuilder path = new StringBuilder();
		boolean upper = false;
		for (char ch : key.toCharArray()) {
			if (ch == '-') {
				upper = true;
			}
			else {
				path.append(upper ? Character.toUpperCase(ch) : ch);
				upper = false;
			}
		}
		return path.toString();
	}

	// an empty collection or map is no default: the metadata leaves it out
	private static @Nullable String text(@Nullable Object value) {
		if (value == null || (value instanceof Collection<?> collection && collection.isEmpty())
				|| (value instanceof Map<?, ?> map && map.isEmpty())) {
			return null;
		}
		return value.toString();
	}

	private static Map<String, JsonNode> properties() throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		for (JsonNode property : metadata().path("properties")) {
			properties.put(property.path("name").asString(), property);
		}
		return properties;
	}

	private static Map<String, List<String>> hints() throws IOException {
		Map<String, List<String>> hints = new LinkedHashMap<>();
		for (JsonNode hint : metadata().path("hints")) {
			List<String> values = new ArrayList<>();
			hint.path("values").forEach((value) -> values.add(value.path("value").asString()));
			hints.put(hint.path("name").asString(), values);
		}
		return hints;
	}

	private static JsonNode metadata() throws IOException {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(json);
		}
	}

}
