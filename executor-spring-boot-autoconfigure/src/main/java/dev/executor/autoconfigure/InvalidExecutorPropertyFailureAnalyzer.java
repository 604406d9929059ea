package dev.executor.autoconfigure;

import dev.executor.spi.InvalidExecutorPropertyException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Explains an {@link InvalidExecutorPropertyException}: which property, which value as
 * written, where it was written, what is wrong with it and how to fix it. A failure that
 * does not say where its value was written, such as one of a backend, is looked up in the
 * environment.
 */
class InvalidExecutorPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidExecutorPropertyException> {

	private final @Nullable Environment environment;

	InvalidExecutorPropertyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidExecutorPropertyException cause) {
		Object value = cause.getValue();
		Origin origin = cause.getOrigin();
		if (origin == null && this.environment instanceof ConfigurableEnvironment) {
			ConfigurationPropertyName name = ConfigurationPropertyName.adapt(cause.getProperty(), '.');
			ConfigurationProperty written = find(name);
			written = (written != null) ? written : element(name, value);
			value = (written != null) ? written.getValue() : value;
			origin = (written != null) ? written.getOrigin() : null;
		}
		StringBuilder description = new StringBuilder(String.format("Invalid executor configuration:%n%n"));
		description.append(String.format("    Property: %s%n", cause.getProperty()));
		description.append(String.format("    Value:    %s%n", (value != null) ? value : "(none)"));
		if (origin != null) {
			description.append(String.format("    Origin:   %s%n", origin));
		}
		description.append(String.format("    Reason:   %s", cause.getReason()));
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

	// the bad element of a list written as one value per line, such as context.include
	private @Nullable ConfigurationProperty element(ConfigurationPropertyName list, @Nullable Object value) {
		ConfigurationProperty element = find(list.append("[0]"));
		for (int i = 1; element != null; i++) {
			if (String.valueOf(element.getValue()).equals(String.valueOf(value))) {
				return element;
			}
			element = find(list.append("[" + i + "]"));
		}
		return null;
	}

	private @Nullable ConfigurationProperty find(ConfigurationPropertyName name) {
		Environment environment = this.environment;
		if (environment == null) {
			return null;
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null) {
				return property;
			}
		}
		return null;
	}

}
