package dev.executor.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.executor.ManagedExecutor;
import dev.executor.spi.InvalidExecutorPropertyException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Checks the {@code executor.*} properties as they are written, before any executor is
 * created: the names of named executors, unknown keys and values that cannot be
 * converted. Environment variables are only warned about: CI servers set variables such
 * as {@code EXECUTOR_NUMBER} that relaxed binding maps to {@code executor.*} keys.
 */
final class ExecutorPropertiesChecker {

	private static final Log logger = LogFactory.getLog(ExecutorPropertiesChecker.class);

	private static final ConfigurationPropertyName EXECUTOR = ConfigurationPropertyName.of("executor");

	private static final ConfigurationPropertyName NAMED = ConfigurationPropertyName.of("executor.named");

	private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_-]+");

	private final Environment environment;

	/**
	 * Create a checker of the properties of the given environment.
	 * @param environment the environment
	 */
	ExecutorPropertiesChecker(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Check everything: names, keys and values.
	 * @throws InvalidExecutorPropertyException at the first problem
	 */
	void check() {
		checkNames();
		try {
			Binder.get(this.environment)
				.bind(EXECUTOR, Bindable.ofInstance(new ExecutorProperties()),
						new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
		}
		catch (BindException ex) {
			if (!(ex.getCause() instanceof UnboundConfigurationPropertiesException unbound)) {
				throw ExecutorPropertyProblems.notConvertible(ex);
			}
			checkUnbound(unbound.getUnboundProperties());
		}
	}

	/**
	 * Check the names of the named executors as they are written.
	 * @throws InvalidExecutorPropertyException if a name is reserved or holds characters
	 * that a name cannot
	 */
	void checkNames() {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			if (source.getUnderlyingSource() instanceof EnumerablePropertySource<?> written
					&& !isEnvironment(source)) {
				for (String key : written.getPropertyNames()) {
					ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
					if (NAMED.isAncestorOf(name) && name.getNumberOfElements() > 3) {
						checkName(WrittenKey.elements(key).get(2), PropertySourceOrigin.get(written, key));
					}
				}
			}
		}
	}

	private static void checkName(String name, @Nullable Origin origin) {
		if (ManagedExecutor.DEFAULT_NAME.equals(name)) {
			throw new InvalidExecutorPropertyException("executor.named." + name, name, origin,
					"the name 'default' is reserved for the executor configured by the top-level executor.* properties",
					"Configure the default executor with executor.* directly, or give the named executor another name");
		}
		if (!NAME_PATTERN.matcher(name).matches()) {
			throw ExecutorPropertyProblems.badName(name, origin);
		}
	}

	private void checkUnbound(Set<ConfigurationProperty> unbound) {
		List<ConfigurationProperty> written = new ArrayList<>();
		for (ConfigurationProperty property : unbound) {
			if (isEnvironment(property.getSource())) {
				logger.warn("Ignoring " + property.getOrigin() + ": " + property.getName()
						+ " is not an executor property");
			}
			else {
				written.add(property);
			}
		}
		if (!written.isEmpty()) {
			throw unknownKey(written.get(0));
		}
	}

	private static InvalidExecutorPropertyException unknownKey(ConfigurationProperty property) {
		List<String> elements = WrittenKey.elements(WrittenKey.of(property));
		ConfigurationPropertyName name = property.getName();
		boolean named = NAMED.isAncestorOf(name) && name.getNumberOfElements() > 3;
		if (named && name.getNumberOfElements() > 4 && ExecutorKeys.named().contains(name.subName(4).toString())) {
			// executor.named.my.reports.type: a name with a dot, written without brackets
			return ExecutorPropertyProblems.badName(elements.get(2) + "." + elements.get(3), property.getOrigin());
		}
		String executor = named ? elements.get(2) : ManagedExecutor.DEFAULT_NAME;
		int keyStart = named ? 3 : 1;
		return ExecutorPropertyProblems.unknownKey(property, String.join(".", elements.subList(0, keyStart)),
				String.join(".", elements.subList(keyStart, elements.size())), executor, !named);
	}

	private static boolean isEnvironment(@Nullable ConfigurationPropertySource source) {
		return source != null && source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
	}

	/**
	 * The key of a property as its property source holds it:
	 * {@link ConfigurationPropertyName} drops the characters it cannot hold, so that
	 * {@code Bad Name} becomes {@code BadName}.
	 */
	static final class WrittenKey {

		private WrittenKey() {
		}

		static String of(ConfigurationProperty property) {
			ConfigurationPropertySource source = property.getSource();
			if (source != null && source.getUnderlyingSource() instanceof EnumerablePropertySource<?> written) {
				for (String key : written.getPropertyNames()) {
					if (ConfigurationPropertyName.adapt(key, '.').equals(property.getName())) {
						return key;
					}
				}
			}
			return property.getName().toString();
		}

		static List<String> elements(String key) {
			List<String> elements = new ArrayList<>();
			StringBuilder element = new StringBuilder();
			boolean bracketed = false;
			for (char ch : key.toCharArray()) {
				if ((ch == '.' && !bracketed) || (ch == '[' && !bracketed) || (ch == ']' && bracketed)) {
					if (!element.isEmpty()) {
						elements.add(element.toString());
					}
					element.setLength(0);
					bracketed = (ch == '[');
				}
				else {
					element.append(ch);
				}
			}
			if (!element.isEmpty()) {
				elements.add(element.toString());
			}
			return elements;
		}

	}

}
