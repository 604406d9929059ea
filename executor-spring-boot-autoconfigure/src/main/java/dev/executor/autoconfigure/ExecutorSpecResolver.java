package dev.executor.autoconfigure;

import java.io.File;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.executor.ExecutorSpec;
import dev.executor.ExecutorSpec.HazelcastSpec;
import dev.executor.ExecutorSpec.JdbcSpec;
import dev.executor.ExecutorSpec.ProcessSpec;
import dev.executor.ManagedExecutor;
import dev.executor.context.SnapshotContextPropagationFactory;
import dev.executor.core.ExecutorBackends;
import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.InvalidExecutorPropertyException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * Resolves the {@link ExecutorSpec} of each executor from {@link ExecutorProperties}: a
 * named executor's keys, else the top-level keys and their defaults. Every value is
 * checked, so that bad configuration fails at start-up naming the property that set it.
 */
public class ExecutorSpecResolver {

	private static final String HAZELCAST = "hazelcast";

	private static final String LOCAL_STORE = "local";

	private static final String JDBC_STORE = "jdbc";

	private static final List<String> FUTURES_STORES = List.of(LOCAL_STORE, HAZELCAST, JDBC_STORE);

	private static final String JDBC_CLIENT = "org.springframework.jdbc.core.simple.JdbcClient";

	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,49}");

	private static final String AT_LEAST_ONE = "a whole number of at least 1";

	static final String ZERO_OR_MORE = "a whole number of 0 or more";

	private static final String POSITIVE_DURATION = "a positive duration, such as 30s";

	private final ExecutorProperties properties;

	private final ExecutorBackends backends;

	private final Supplier<Set<String>> contextNames;

	private final Function<String, @Nullable RetryPolicy> retryPolicies;

	private final @Nullable ClassLoader classLoader;

	private final BooleanSupplier dataSourceAvailable;

	/**
	 * Create a new resolver that accepts the standard context names in
	 * {@code context.include}.
	 * @param properties the properties
	 * @param backends the valid executor types
	 */
	public ExecutorSpecResolver(ExecutorProperties properties, ExecutorBackends backends) {
		this(properties, backends, () -> new LinkedHashSet<>(SnapshotContextPropagationFactory.STANDARD_NAMES));
	}

	/**
	 * Create a new resolver.
	 * @param properties the properties
	 * @param backends the valid executor types
	 * @param contextNames supplies the names that {@code context.include} accepts
	 */
	public ExecutorSpecResolver(ExecutorProperties properties, ExecutorBackends backends,
			Supplier<Set<String>> contextNames) {
		this(properties, backends, contextNames, (name) -> null);
	}

	/**
	 * Create a new resolver whose executors may have a retry policy of their own.
	 * @param properties the properties
	 * @param backends the valid executor types
	 * @param contextNames supplies the names that {@code context.include} accepts
	 * @param retryPolicies returns the retry policy that replaces the configured one of
	 * the executor with the given name, {@code null} to keep the configured one
	 */
	public ExecutorSpecResolver(ExecutorProperties properties, ExecutorBackends backends,
			Supplier<Set<String>> contextNames, Function<String, @Nullable RetryPolicy> retryPolicies) {
		this(properties, backends, contextNames, retryPolicies, null, () -> true);
	}

	/**
	 * Create a new resolver that checks that the application has a
	 * {@link javax.sql.DataSource} for executors whose stored futures are kept in its
	 * database.
	 * @param properties the properties
	 * @param backends the valid executor types
	 * @param contextNames supplies the names that {@code context.include} accepts
	 * @param retryPolicies returns the retry policy that replaces the configured one of
	 * the executor with the given name, {@code null} to keep the configured one
	 * @param classLoader the application's class loader, {@code null} for the default one
	 * @param dataSourceAvailable whether the application has a {@code DataSource}
	 * @since 0.1.0
	 */
	public ExecutorSpecResolver(ExecutorProperties properties, ExecutorBackends backends,
			Supplier<Set<String>> contextNames, Function<String, @Nullable RetryPolicy> retryPolicies,
			@Nullable ClassLoader classLoader, BooleanSupplier dataSourceAvailable) {
		this.properties = properties;
		this.backends = backends;
		this.contextNames = contextNames;
		this.retryPolicies = retryPolicies;
		this.classLoader = classLoader;
		this.dataSourceAvailable = dataSourceAvailable;
	}

	/**
	 * Resolve the settings of an executor.
	 * @param name the executor name, {@value ManagedExecutor#DEFAULT_NAME} for the default
	 * one
	 * @return the settings
	 * @throws InvalidExecutorPropertyException if a value is not valid
	 */
	public ExecutorSpec resolve(String name) {
		Settings settings = new Settings(name, this.properties);
		Setting<String> type = settings.get("type", ExecutorSettings::getType, ExecutorProperties::getType);
		ExecutorSpec.Builder builder = ExecutorSpec.builder(name).type(type.get());
		pool(settings, backend(type), builder);
		tasks(settings, builder);
		futures(settings, builder);
		shutdown(settings, builder);
		RetryPolicy configured = RetryPolicies.resolve(settings);
		RetryPolicy replacement = this.retryPolicies.apply(name);
		builder.retry((replacement != null) ? replacement : configured);
		return builder.process(process(settings)).hazelcast(hazelcast(settings)).jdbc(jdbc(settings)).build();
	}

	private static void pool(Settings settings, ExecutorBackend backend, ExecutorSpec.Builder builder) {
		builder.maxWorkers(settings.get("max-workers", ExecutorSettings::getMaxWorkers, ExecutorProperties::getMaxWorkers)
			.require((value) -> value >= 1, AT_LEAST_ONE)
			.orElse(backend.defaultMaxWorkers()));
		builder.queueCapacity(
				settings.get("queue-capacity", ExecutorSettings::getQueueCapacity, ExecutorProperties::getQueueCapacity)
					.require((value) -> value >= 0, ZERO_OR_MORE)
					.orNull());
		builder.threadNamePrefix(settings
			.get("thread-name-prefix", ExecutorSettings::getThreadNamePrefix, ExecutorProperties::getThreadNamePrefix)
			.orElse(settings.isDefault() ? "executor-" : settings.name + "-"));
		builder.poolClass(
				settings.get("pool-class", ExecutorSettings::getPoolClass, ExecutorProperties::getPoolClass).orNull());
	}

	private void tasks(Settings settings, ExecutorSpec.Builder builder) {
		builder.taskTimeout(positive(
				settings.get("task-timeout", ExecutorSettings::getTaskTimeout, ExecutorProperties::getTaskTimeout)));
		builder.propagateExceptions(settings.get("propagate-exceptions", ExecutorSettings::getPropagateExceptions,
				ExecutorProperties::isPropagateExceptions)
			.get());
		builder.propagateContext(settings
			.get("context.propagate", (s) -> s.getContext().getPropagate(), (p) -> p.getContext().isPropagate())
			.get());
		builder.contextInclude(contextInclude(settings));
	}

	private static void futures(Settings settings, ExecutorSpec.Builder builder) {
		builder.futuresMaxLength(settings
			.get("futures.max-length", (s) -> s.getFutures().getMaxLength(), (p) -> p.getFutures().getMaxLength())
			.require((value) -> value >= 0, ZERO_OR_MORE)
			.get());
		builder.futuresTimeToLive(positive(settings.get("futures.time-to-live", (s) -> s.getFutures().getTimeToLive(),
				(p) -> p.getFutures().getTimeToLive())));
	}

	private static void shutdown(Settings settings, ExecutorSpec.Builder builder) {
		builder.awaitTermination(settings.get("shutdown.await-termination", (s) -> s.getShutdown().getAwaitTermination(),
				(p) -> p.getShutdown().isAwaitTermination())
			.get());
		builder.awaitTerminationPeriod(settings
			.get("shutdown.await-termination-period", (s) -> s.getShutdown().getAwaitTerminationPeriod(),
					(p) -> p.getShutdown().getAwaitTerminationPeriod())
			.require((value) -> !value.isNegative(), "a duration of 0s or more")
			.get());
	}

	private @Nullable Set<String> contextInclude(Settings settings) {
		Setting<List<String>> include = settings.get("context.include", (s) -> s.getContext().getInclude(),
				(p) -> p.getContext().getInclude());
		if (include.value() == null) {
			return null;
		}
		Set<String> names = this.contextNames.get();
		List<String> values = include.get();
		for (String value : values) {
			if (!names.contains(value)) {
				throw unknownContextName(include.property(), value, names);
			}
		}
		return new LinkedHashSet<>(values);
	}

	// a ThreadLocalAccessor whose key is a class prints as "interface ...", which nobody
	// types, so the list shows only names without spaces
	private static InvalidExecutorPropertyException unknownContextName(String property, String value,
			Set<String> names) {
		Set<String> typeable = names.stream()
			.filter((name) -> !name.contains(" "))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return new InvalidExecutorPropertyException(property, value,
				"unknown context name, valid names are " + typeable,
				"Set " + property + " to some of those names, or register a ThreadLocalAccessor with that key with "
						+ "the ContextRegistry");
	}

	private static ProcessSpec process(Settings settings) {
		List<String> jvmArgs = settings
			.get("process.jvm-args", (s) -> s.getProcess().getJvmArgs(), (p) -> p.getProcess().getJvmArgs())
			.get();
		Integer maxTasksPerWorker = settings
			.get("process.max-tasks-per-worker", (s) -> s.getProcess().getMaxTasksPerWorker(),
					(p) -> p.getProcess().getMaxTasksPerWorker())
			.require((value) -> value >= 1, AT_LEAST_ONE)
			.orNull();
		Duration idleTimeout = positive(settings.get("process.idle-timeout", (s) -> s.getProcess().getIdleTimeout(),
				(p) -> p.getProcess().getIdleTimeout()));
		boolean prestart = settings
			.get("process.prestart", (s) -> s.getProcess().getPrestart(), (p) -> p.getProcess().isPrestart())
			.get();
		boolean classDataSharing = settings
			.get("process.class-data-sharing.enabled", (s) -> s.getProcess().getClassDataSharing().getEnabled(),
					(p) -> p.getProcess().getClassDataSharing().isEnabled())
			.get();
		File directory = settings
			.get("process.class-data-sharing.directory", (s) -> s.getProcess().getClassDataSharing().getDirectory(),
					(p) -> p.getProcess().getClassDataSharing().getDirectory())
			.require((value) -> !value.exists() || value.isDirectory(), "a directory, not a file")
			.orNull();
		return new ProcessSpec(jvmArgs, maxTasksPerWorker, idleTimeout, prestart, classDataSharing,
				(directory != null) ? directory.toPath() : null);
	}

	private HazelcastSpec hazelcast(Settings settings) {
		boolean retry = settings.get("hazelcast.retry-on-member-loss", (s) -> s.getHazelcast().getRetryOnMemberLoss(),
				(p) -> p.getHazelcast().isRetryOnMemberLoss()).get();
		return new HazelcastSpec(retry, HAZELCAST.equals(store(settings).get()));
	}

	private JdbcSpec jdbc(Settings settings) {
		boolean storeFutures = JDBC_STORE.equals(store(settings).get());
		String tableName = tableName(settings);
		Setting<Duration> ownerTimeout = settings.get("futures.jdbc.owner-timeout",
				(s) -> s.getFutures().getJdbc().getOwnerTimeout(), (p) -> p.getFutures().getJdbc().getOwnerTimeout());
		Duration timeout = Objects.requireNonNull(positive(ownerTimeout));
		Duration heartbeat = Objects.requireNonNull(positive(settings
			.get("futures.jdbc.heartbeat-interval", (s) -> s.getFutures().getJdbc().getHeartbeatInterval(),
					(p) -> p.getFutures().getJdbc().getHeartbeatInterval())
			.require((value) -> value.compareTo(timeout) < 0, "shorter than " + ownerTimeout.property() + " ("
					+ timeout.toString().substring(2).toLowerCase(Locale.ROOT) + ")")));
		Duration poll = Objects.requireNonNull(positive(settings.get("futures.jdbc.poll-interval",
				(s) -> s.getFutures().getJdbc().getPollInterval(), (p) -> p.getFutures().getJdbc().getPollInterval())));
		DataSize maxResultSize = settings
			.get("futures.jdbc.max-result-size", (s) -> s.getFutures().getJdbc().getMaxResultSize(),
					(p) -> p.getFutures().getJdbc().getMaxResultSize())
			.require((value) -> value.toBytes() > 0, "a positive size, such as 1MB")
			.get();
		boolean resubmit = settings.get("futures.jdbc.resubmit-on-owner-loss",
				(s) -> s.getFutures().getJdbc().getResubmitOnOwnerLoss(),
				(p) -> p.getFutures().getJdbc().isResubmitOnOwnerLoss())
			.get();
		return new JdbcSpec(storeFutures, tableName, timeout, heartbeat, poll, maxResultSize, resubmit);
	}

	static String tableName(Settings settings) {
		return settings
			.get("futures.jdbc.table-name", (s) -> s.getFutures().getJdbc().getTableName(),
					(p) -> p.getFutures().getJdbc().getTableName())
			.require((value) -> TABLE_NAME.matcher(value).matches(),
					"letters, digits and underscores, starting with a letter and at most 50 long, such as "
							+ "EXECUTOR_FUTURES")
			.get();
	}

	private Setting<String> store(Settings settings) {
		Setting<String> store = settings
			.get("futures.store", (s) -> s.getFutures().getStore(), (p) -> p.getFutures().getStore())
			.require(FUTURES_STORES::contains, "one of " + FUTURES_STORES);
		if (HAZELCAST.equals(store.get()) && this.backends.get(HAZELCAST) == null) {
			throw hazelcastMissing(store, "'" + LOCAL_STORE + "'");
		}
		if (JDBC_STORE.equals(store.get())) {
			requireDataSource(store);
		}
		return store;
	}

	private void requireDataSource(Setting<String> store) {
		if (!ClassUtils.isPresent(JDBC_CLIENT, this.classLoader)) {
			throw new InvalidExecutorPropertyException(store.property(), store.get(), "Spring JDBC is not on the "
					+ "classpath", "Add the dependency org.springframework.boot:spring-boot-starter-jdbc and the "
							+ "driver of your database to the application, or set " + store.property() + " to '"
							+ LOCAL_STORE + "'");
		}
		if (!this.dataSourceAvailable.getAsBoolean()) {
			throw new InvalidExecutorPropertyException(store.property(), store.get(), "the application has no "
					+ "DataSource", "Set spring.datasource.url to your database (with its driver on the classpath), "
							+ "or define a DataSource bean, or set " + store.property() + " to '" + LOCAL_STORE + "'");
		}
	}

	private ExecutorBackend backend(Setting<String> type) {
		if (HAZELCAST.equals(type.get()) && this.backends.get(HAZELCAST) == null) {
			throw hazelcastMissing(type, "one of " + this.backends.names());
		}
		return this.backends.require(type.get(), type.property());
	}

	private static InvalidExecutorPropertyException hazelcastMissing(Setting<String> setting, String alternatives) {
		return new InvalidExecutorPropertyException(setting.property(), setting.get(),
				"Hazelcast is not on the classpath", "Add the dependency com.hazelcast:hazelcast to the application, "
						+ "or set " + setting.property() + " to " + alternatives);
	}

	static @Nullable Duration positive(Setting<Duration> duration) {
		return duration.require((value) -> !value.isNegative() && !value.isZero(), POSITIVE_DURATION).orNull();
	}

	/**
	 * One executor's view of the properties: its own value of a key, else the top-level
	 * one.
	 */
	static final class Settings {

		private final String name;

		private final String prefix;

		private final @Nullable ExecutorSettings named;

		private final ExecutorProperties topLevel;

		Settings(String name, ExecutorProperties topLevel) {
			this.name = name;
			this.prefix = ExecutorSpec.propertyPrefix(name);
			this.named = ManagedExecutor.DEFAULT_NAME.equals(name) ? null : topLevel.getNamed().get(name);
			this.topLevel = topLevel;
		}

		boolean isDefault() {
			return ManagedExecutor.DEFAULT_NAME.equals(this.name);
		}

		<T> Setting<T> get(String key, Function<ExecutorSettings, @Nullable T> namedValue,
				Function<ExecutorProperties, @Nullable T> topLevelValue) {
			T value = (this.named != null) ? namedValue.apply(this.named) : null;
			if (value != null) {
				return new Setting<>(this.prefix + "." + key, value);
			}
			return new Setting<>("executor." + key, topLevelValue.apply(this.topLevel));
		}

	}

	/**
	 * A resolved value with the property that set it, so that a bad value is reported
	 * under that property.
	 *
	 * @param <T> the type of the value
	 * @param property the full name of the property
	 * @param value the value, {@code null} if neither the executor nor the top level sets
	 * it and it has no default
	 */
	record Setting<T>(String property, @Nullable T value) {

		Setting<T> require(Predicate<T> valid, String requirement) {
			if (this.value != null && !valid.test(this.value)) {
				throw new InvalidExecutorPropertyException(this.property, this.value, "must be " + requirement,
						"Set " + this.property + " to " + requirement + ", or remove it to use the default");
			}
			return this;
		}

		T get() {
			if (this.value == null) {
				throw new IllegalStateException("No value for " + this.property);
			}
			return this.value;
		}

		T orElse(T defaultValue) {
			return (this.value != null) ? this.value : defaultValue;
		}

		@Nullable T orNull() {
			return this.value;
		}

	}

}
