package dev.executor.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of managed executors: the top-level keys configure the
 * default executor and are the fall-back of every named one.
 */
@ConfigurationProperties("executor")
public class ExecutorProperties extends ExecutorSettings {

	/**
	 * Named executors, by name (letters, digits, '-' and '_'). Keys a named executor
	 * leaves unset are taken from the top-level 'executor.*' ones.
	 */
	private final Map<String, ExecutorSettings> named = new LinkedHashMap<>();

	public Map<String, ExecutorSettings> getNamed() {
		return this.named;
	}

}
