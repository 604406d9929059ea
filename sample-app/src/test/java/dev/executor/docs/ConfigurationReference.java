package dev.executor.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keys of the configuration reference, {@code docs/configuration.md}, and of the
 * configuration metadata that Spring Boot builds from the properties classes.
 */
final class ConfigurationReference {

	static final Path DOCUMENT = Path.of("docs", "configuration.md");

	private static final String SECTION = "## Reference";

	private ConfigurationReference() {
	}

	/**
	 * Read the rows of the reference's tables: key to default, as written.
	 * @param root the repository's root
	 * @return the default cell of each key, by full property name
	 */
	static Map<String, String> documented(Path root) {
		Map<String, String> rows = new LinkedHashMap<>();
		boolean inSection = false;
		for (String line : readLines(root.resolve(DOCUMENT))) {
			if (line.startsWith("## ")) {
				inSection = line.equals(SECTION);
			}
			else if (inSection && line.startsWith("| `")) {
				String[] cells = line.split("\\|");
				String key = cells[1].strip().replace("`", "");
				if (!key.contains("<")) {
					rows.put(key.startsWith("management.") ? key : "executor." + key, cells[2].strip());
				}
			}
		}
		return rows;
	}

	/**
	 * Read the configuration metadata of the given properties from the class path.
	 * @param prefixes the prefixes of the properties to read
	 * @return the default value of each property, empty when it has none, by name
	 */
	static Map<String, Optional<String>> metadata(List<String> prefixes) {
		Map<String, Optional<String>> properties = new LinkedHashMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL resource : resources("META-INF/spring-configuration-metadata.json")) {
			for (JsonNode property : read(mapper, resource).path("properties")) {
				String name = property.path("name").asString();
				if (prefixes.stream().anyMatch(name::startsWith)) {
					JsonNode value = property.path("defaultValue");
					properties.put(name, value.isMissingNode() ? Optional.empty() : Optional.of(value.asString()));
				}
			}
		}
		return properties;
	}

	private static List<URL> resources(String name) {
		try {
			return Collections.list(ConfigurationReference.class.getClassLoader().getResources(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode read(JsonMapper mapper, URL resource) {
		try (InputStream json = resource.openStream()) {
			return mapper.readTree(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
