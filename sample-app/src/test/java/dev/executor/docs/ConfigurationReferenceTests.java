package dev.executor.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the configuration reference, {@code docs/configuration.md}, equal to the
 * configuration metadata: every key, and every default the metadata knows.
 */
class ConfigurationReferenceTests {

	private static final Path ROOT = Snippets.repositoryRoot();

	private final Map<String, String> documented = ConfigurationReference.documented(ROOT);

	private final Map<String, Optional<String>> metadata = ConfigurationReference
		.metadata(List.of("executor.", "management.endpoint.executors.", "management.health.executors."));

	@Test
	void everyPropertyShouldHaveARow() {
		List<String> missing = this.metadata.keySet()
			.stream()
			.filter((name) -> !name.equals("executor.named") && !this.documented.containsKey(name))
			.map((name) -> ConfigurationReference.DOCUMENT + " has no row for " + name + ", which the configuration "
					+ "metadata has: add one to a table under '## Reference', with its default and meaning")
			.toList();
		assertThat(this.metadata).isNotEmpty();
		assertThat(missing).withFailMessage(() -> String.join("\n", missing)).isEmpty();
	}

	@Test
	void everyExecutorRowShouldNameAProperty() {
		List<String> unknown = this.documented.keySet()
			.stream()
			.filter((name) -> name.startsWith("executor.") && !this.metadata.containsKey(name))
			.map((name) -> ConfigurationReference.DOCUMENT + " has a row for " + name + ", which the configuration "
					+ "metadata does not have: fix the key, or remove the row")
			.toList();
		assertThat(unknown).withFailMessage(() -> String.join("\n", unknown)).isEmpty();
	}

	@Test
	void everyDefaultOfTheMetadataShouldBeTheDocumentedOne() {
		List<String> wrong = this.metadata.entrySet()
			.stream()
			.filter((property) -> property.getValue().isPresent() && this.documented.containsKey(property.getKey()))
			.filter((property) -> !relaxed(this.documented.get(property.getKey()))
				.contains("`" + relaxed(property.getValue().get()) + "`"))
			.map((property) -> ConfigurationReference.DOCUMENT + " gives " + property.getKey() + " the default '"
					+ this.documented.get(property.getKey()) + "', the configuration metadata `"
					+ property.getValue().get() + "`: write `" + relaxed(property.getValue().get()) + "` in its row")
			.toList();
		assertThat(wrong).withFailMessage(() -> String.join("\n", wrong)).isEmpty();
	}

	// the metadata names enum values as Java does (read_only), users as they bind (read-only)
	private static String relaxed(String value) {
		return value.replace('_', '-');
	}

}
