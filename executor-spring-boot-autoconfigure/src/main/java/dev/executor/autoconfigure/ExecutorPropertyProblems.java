package dev.executor.autoconfigure;

import java.time.Duration;
import java.util.Set;

import dev.executor.autoconfigure.ExecutorPropertiesChecker.WrittenKey;
import dev.executor.spi.InvalidExecutorPropertyException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.util.ClassUtils;

/**
 * The failures of {@link ExecutorPropertiesChecker}, each naming the property as
 * written, its value and where it was written.
 */
final class ExecutorPropertyProblems {

	private ExecutorPropertyProblems() {
	}

	static InvalidExecutorPropertyException badName(String name, @Nullable Origin origin) {
		return new InvalidExecutorPropertyException("executor.named." + name, name, origin,
				"an executor name may contain only letters, digits, '-' and '_'",
				"Rename the key under executor.named, for example to '" + name.replaceAll("[^A-Za-z0-9_-]", "-")
						+ "'");
	}

	static InvalidExecutorPropertyException unknownKey(ConfigurationProperty property, String prefix, String key,
			String executor, boolean topLevel) {
		Set<String> candidates = topLevel ? ExecutorKeys.topLevel() : ExecutorKeys.named();
		String closest = ExecutorKeys.closest(key, candidates);
		String written = prefix + "." + key;
		String reason = "'" + key + "' is not a key of the executor '" + executor + "'"
				+ ((closest != null) ? "; did you mean '" + closest + "'?" : "");
		String action = (closest != null) ? "Rename " + written + " to " + prefix + "." + closest + ", or remove it"
				: "Remove " + written + ", or replace it with one of " + candidates;
		return new InvalidExecutorPropertyException(written, property.getValue(), property.getOrigin(), reason,
				action);
	}

	static InvalidExecutorPropertyException notConvertible(BindException ex) {
		ConfigurationProperty property = ex.getProperty();
		String written = (property != null) ? WrittenKey.of(property) : ex.getName().toString();
		Object value = (property != null) ? property.getValue() : null;
		Origin origin = (property != null) ? property.getOrigin() : null;
		String requirement = requirement(ex.getTarget().getType().resolve(Object.class));
		return new InvalidExecutorPropertyException(written, value, origin, "must be " + requirement,
				"Set " + written + " to " + requirement + ", or remove it to use the default");
	}

	private static String requirement(Class<?> type) {
		Class<?> wrapper = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (wrapper == Integer.class) {
			return "a whole number";
		}
		if (wrapper == Boolean.class) {
			return "true or false";
		}
		if (wrapper == Duration.class) {
			return "a duration, such as 30s or 500ms";
		}
		return "a value of type " + type.getSimpleName();
	}

}
