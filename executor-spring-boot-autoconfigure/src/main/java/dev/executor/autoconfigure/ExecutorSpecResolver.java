package dev.executor.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.executor.ExecutorSpec;
import dev.executor.ExecutorSpec.HazelcastSpec;
import dev.executor.ExecutorSpec.ProcessSpec;
import dev.executor.ManagedExecutor;
import dev.executor.context.SnapshotContextPropagationFactory;
import dev.executor.core.ExecutorBackends;
import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.InvalidExecutorPropertyException;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the {@link ExecutorSpec} of each executor from {@link ExecutorProperties}: a
 * named executor's keys, else the top-level keys, else the defaults. Every value is
 * checked, so that bad configuration fails at start-up naming the property.
 */
public class ExecutorSpecResolver {

	private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_-]+");

	private static final int DEFAULT_FUTURES_MAX_LENGTH = 50;

	private static final Duration DEFAULT_AWAIT_TERMINATION_PERIOD = Duration.ofSeconds(30);

	private static final String HAZELCAST_TYPE = "hazelcast";

	private static final String LOCAL_STORE = "local";

	private static final List<String> FUTURES_STORES = List.of(LOCAL_STORE, HAZELCAST_TYPE);

	private final ExecutorProperties properties;

	private final ExecutorBackends backends;

	private final Supplier<Set<String>> contextNames;

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
		this.properties = properties;
		this.backends = backends;
		this.contextNames = contextNames;
	}

	/**
	 * Check that the given name can name an executor.
	 * @param name the name of a named executor
	 * @throws InvalidExecutorPropertyException if it cannot
	 */
	public static void checkName(String name) {
		if (ManagedExecutor.DEFAULT_NAME.equals(name)) {
			throw new InvalidExecutorPropertyException("executor.named." + name, name,
					"the name 'default' is reserved for the executor configured by the top-level executor.* properties",
					"Configure the default executor with executor.* directly, or give the named executor another name");
		}
		if (!NAME_PATTERN.matcher(name).matches()) {
			throw new InvalidExecutorPropertyException("executor.named." + name, name,
					"an executor name may contain only letters, digits, '-' and '_'",
					"Rename the key under executor.named, for example to '" + name.replaceAll("[^A-Za-z0-9_-]", "-")
							+ "'");
		}
	}

	/**
	 * Resolve the settings of an executor.
	 * @param name the executor name, {@value ManagedExecutor#DEFAULT_NAME} for the default
	 * one
	 * @return the settings
	 * @throws InvalidExecutorPropertyException if a value is not valid
	 */
	public ExecutorSpec resolve(String name) {
		ExecutorSettings named = ManagedExecutor.DEFAULT_NAME.equals(name) ? null
				: this.properties.getNamed().get(name);
		Settings settings = new Settings(ExecutorSpec.propertyPrefix(name), named, this.properties);
		String type = settings.get(ExecutorSettings::getType, "thread");
		ExecutorBackend backend = backend(settings, type);
		int maxWorkers = settings.get(ExecutorSettings::getMaxWorkers, backend.defaultMaxWorkers());
		check(maxWorkers >= 1, settings, "max-workers", maxWorkers, "a whole number of at least 1");
		Integer queueCapacity = settings.get(ExecutorSettings::getQueueCapacity, null);
		check(queueCapacity == null || queueCapacity >= 0, settings, "queue-capacity", queueCapacity,
				"a whole number of 0 or more");
		String threadNamePrefix = settings.get(ExecutorSettings::getThreadNamePrefix, defaultThreadNamePrefix(name));
		Duration taskTimeout = positive(settings, "task-timeout", settings.get(ExecutorSettings::getTaskTimeout, null));
		int futuresMaxLength = settings.get((s) -> s.getFutures().getMaxLength(), DEFAULT_FUTURES_MAX_LENGTH);
		check(futuresMaxLength >= 0, settings, "futures.max-length", futuresMaxLength, "a whole number of 0 or more");
		Duration timeToLive = positive(settings, "futures.time-to-live",
				settings.get((s) -> s.getFutures().getTimeToLive(), null));
		Duration awaitPeriod = settings.get((s) -> s.getShutdown().getAwaitTerminationPeriod(),
				DEFAULT_AWAIT_TERMINATION_PERIOD);
		check(!awaitPeriod.isNegative(), settings, "shutdown.await-termination-period", awaitPeriod,
				"a duration of 0s or more");
		return new ExecutorSpec(name, type, maxWorkers, queueCapacity, threadNamePrefix,
				settings.get(ExecutorSettings::getPoolClass, null),
				taskTimeout, settings.get(ExecutorSettings::getPropagateExceptions, false),
				settings.get((s) -> s.getContext().getPropagate(), true), futuresMaxLength, timeToLive,
				settings.get((s) -> s.getShutdown().getAwaitTermination(), true), awaitPeriod,
				contextInclude(settings), process(settings), hazelcast(settings));
	}

	private @Nullable Set<String> contextInclude(Settings settings) {
		List<String> include = settings.get((s) -> s.getContext().getInclude(), null);
		if (include == null) {
			return null;
		}
		Set<String> names = this.contextNames.get();
		for (String name : include) {
			if (!names.contains(name)) {
				String property = settings.property("context.include");
				throw new InvalidExecutorPropertyException(property, name,
						"unknown context name, valid names are " + names, "Set " + property
								+ " to some of those names, or register a ThreadLocalAccessor with that key with "
								+ "the ContextRegistry");
			}
		}
		return new LinkedHashSet<>(include);
	}

	private static ProcessSpec process(Settings settings) {
		List<String> jvmArgs = settings.get((s) -> s.getProcess().getJvmArgs(), ProcessSpec.DEFAULT.jvmArgs());
		Integer maxTasksPerWorker = settings.get((s) -> s.getProcess().getMaxTasksPerWorker(), null);
		check(maxTasksPerWorker == null || maxTasksPerWorker >= 1, settings, "process.max-tasks-per-worker",
				maxTasksPerWorker, "a whole number of at least 1");
		Duration idleTimeout = positive(settings, "process.idle-timeout",
				settings.get((s) -> s.getProcess().getIdleTimeout(), null));
		boolean prestart = settings.get((s) -> s.getProcess().getPrestart(), ProcessSpec.DEFAULT.prestart());
		return new ProcessSpec(jvmArgs, maxTasksPerWorker, idleTimeout, prestart);
	}

	private HazelcastSpec hazelcast(Settings settings) {
		boolean retry = settings.get((s) -> s.getHazelcast().getRetryOnMemberLoss(),
				HazelcastSpec.DEFAULT.retryOnMemberLoss());
		String store = settings.get((s) -> s.getFutures().getStore(), LOCAL_STORE);
		check(FUTURES_STORES.contains(store), settings, "futures.store", store, "one of " + FUTURES_STORES);
		if (HAZELCAST_TYPE.equals(store) && this.backends.get(HAZELCAST_TYPE) == null) {
			throw hazelcastMissing(settings.property("futures.store"), store, "'" + LOCAL_STORE + "'");
		}
		return new HazelcastSpec(retry, HAZELCAST_TYPE.equals(store));
	}

	private static InvalidExecutorPropertyException hazelcastMissing(String property, String value,
			String alternatives) {
		return new InvalidExecutorPropertyException(property, value, "Hazelcast is not on the classpath",
				"Add the dependency com.hazelcast:hazelcast to the application, or set " + property + " to "
						+ alternatives);
	}

	private ExecutorBackend backend(Settings settings, String type) {
		ExecutorBackend backend = this.backends.get(type);
		if (backend != null) {
			return backend;
		}
		String property = settings.property("type");
		if (HAZELCAST_TYPE.equals(type)) {
			throw hazelcastMissing(property, type, "one of " + this.backends.names());
		}
		throw new InvalidExecutorPropertyException(property, type, "unknown executor type",
				"Set " + property + " to one of " + this.backends.names() + ", or declare an "
						+ ExecutorBackend.class.getSimpleName() + " bean named '" + type + "'");
	}

	private static String defaultThreadNamePrefix(String name) {
		return ManagedExecutor.DEFAULT_NAME.equals(name) ? "executor-" : name + "-";
	}

	private static @Nullable Duration positive(Settings settings, String key, @Nullable Duration value) {
		check(value == null || (!value.isNegative() && !value.isZero()), settings, key, value,
				"a positive duration, such as 30s");
		return value;
	}

	private static void check(boolean valid, Settings settings, String key, @Nullable Object value,
			String requirement) {
		if (!valid) {
			String property = settings.property(key);
			throw new InvalidExecutorPropertyException(property, value, "must be " + requirement,
					"Set " + property + " to " + requirement + ", or remove it to use the default");
		}
	}

	/**
	 * One executor's view of the properties: its own value of a key, else the top-level
	 * one, else the default. A bad value is reported under the property that set it.
	 */
	private static final class Settings {

		private final String prefix;

		private final @Nullable ExecutorSettings named;

		private final ExecutorSettings topLevel;

		private @Nullable String source;

		Settings(String prefix, @Nullable ExecutorSettings named, ExecutorSettings topLevel) {
			this.prefix = prefix;
			this.named = named;
			this.topLevel = topLevel;
		}

		<T> T get(Function<ExecutorSettings, @Nullable T> getter, T defaultValue) {
			T value = (this.named != null) ? getter.apply(this.named) : null;
			this.source = this.prefix;
			if (value == null) {
				value = getter.apply(this.topLevel);
				this.source = "executor";
			}
			return (value != null) ? value : defaultValue;
		}

		String property(String key) {
			return ((this.source != null) ? this.source : this.prefix) + "." + key;
		}

	}

}
