package dev.executor.autoconfigure;

import java.util.HashSet;
import java.util.Set;

import dev.executor.actuate.endpoint.ExecutorsEndpoint;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the {@link ExecutorsEndpoint}.
 */
@ConfigurationProperties("management.endpoint.executors")
public class ExecutorsEndpointProperties {

	/**
	 * When to show the results of stored futures and the exceptions they failed with.
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles used to determine whether a user is authorized to be shown the results and
	 * exceptions of stored futures. When empty, all authenticated users are authorized.
	 */
	private final Set<String> roles = new HashSet<>();

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

}
