package dev.executor.autoconfigure;

import java.io.File;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * The settings of one named executor, {@code executor.named.<name>.*}: the same keys as
 * the top-level {@link ExecutorProperties}, each described there. Every value is
 * optional: {@code null} means unset, and the executor then takes the top-level value.
 */
public class ExecutorSettings {

	private @Nullable String type;

	private @Nullable Integer maxWorkers;

	private @Nullable Integer queueCapacity;

	private @Nullable String threadNamePrefix;

	private @Nullable String poolClass;

	private @Nullable Boolean propagateExceptions;

	private @Nullable Duration taskTimeout;

	private final Context context = new Context();

	private final Futures futures = new Futures();

	private final Shutdown shutdown = new Shutdown();

	private final Process process = new Process();

	private final Hazelcast hazelcast = new Hazelcast();

	private final Retry retry = new Retry();

	public @Nullable String getType() {
		return this.type;
	}

	public void setType(@Nullable String type) {
		this.type = type;
	}

	public @Nullable Integer getMaxWorkers() {
		return this.maxWorkers;
	}

	public void setMaxWorkers(@Nullable Integer maxWorkers) {
		this.maxWorkers = maxWorkers;
	}

	public @Nullable Integer getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(@Nullable Integer queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public @Nullable String getThreadNamePrefix() {
		return this.threadNamePrefix;
	}

	public void setThreadNamePrefix(@Nullable String threadNamePrefix) {
		this.threadNamePrefix = threadNamePrefix;
	}

	public @Nullable String getPoolClass() {
		return this.poolClass;
	}

	public void setPoolClass(@Nullable String poolClass) {
		this.poolClass = poolClass;
	}

	public @Nullable Boolean getPropagateExceptions() {
		return this.propagateExceptions;
	}

	public void setPropagateExceptions(@Nullable Boolean propagateExceptions) {
		this.propagateExceptions = propagateExceptions;
	}

	public @Nullable Duration getTaskTimeout() {
		return this.taskTimeout;
	}

	public void setTaskTimeout(@Nullable Duration taskTimeout) {
		this.taskTimeout = taskTimeout;
	}

	public Context getContext() {
		return this.context;
	}

	public Futures getFutures() {
		return this.futures;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public Process getProcess() {
		return this.process;
	}

	public Hazelcast getHazelcast() {
		return this.hazelcast;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Propagation of the submitting thread's context into tasks.
	 */
	public static class Context {

		private @Nullable Boolean propagate;

		private @Nullable List<String> include;

		public @Nullable Boolean getPropagate() {
			return this.propagate;
		}

		public void setPropagate(@Nullable Boolean propagate) {
			this.propagate = propagate;
		}

		public @Nullable List<String> getInclude() {
			return this.include;
		}

		public void setInclude(@Nullable List<String> include) {
			this.include = include;
		}

	}

	/**
	 * Futures stored under a key.
	 */
	public static class Futures {

		private @Nullable Integer maxLength;

		private @Nullable Duration timeToLive;

		private @Nullable String store;

		private final Jdbc jdbc = new Jdbc();

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		public @Nullable String getStore() {
			return this.store;
		}

		public void setStore(@Nullable String store) {
			this.store = store;
		}

		public @Nullable Integer getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(@Nullable Integer maxLength) {
			this.maxLength = maxLength;
		}

		public @Nullable Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(@Nullable Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		/**
		 * Stored futures kept in the application's database.
		 */
		public static class Jdbc {

			private ExecutorProperties.Futures.@Nullable InitializeSchema initializeSchema;

			private @Nullable String tableName;

			private @Nullable Duration ownerTimeout;

			private @Nullable Duration heartbeatInterval;

			private @Nullable Duration pollInterval;

			private @Nullable DataSize maxResultSize;

			private @Nullable Boolean resubmitOnOwnerLoss;

			public ExecutorProperties.Futures.@Nullable InitializeSchema getInitializeSchema() {
				return this.initializeSchema;
			}

			public void setInitializeSchema(ExecutorProperties.Futures.@Nullable InitializeSchema initializeSchema) {
				this.initializeSchema = initializeSchema;
			}

			public @Nullable String getTableName() {
				return this.tableName;
			}

			public void setTableName(@Nullable String tableName) {
				this.tableName = tableName;
			}

			public @Nullable Duration getOwnerTimeout() {
				return this.ownerTimeout;
			}

			public void setOwnerTimeout(@Nullable Duration ownerTimeout) {
				this.ownerTimeout = ownerTimeout;
			}

			public @Nullable Duration getHeartbeatInterval() {
				return this.heartbeatInterval;
			}

			public void setHeartbeatInterval(@Nullable Duration heartbeatInterval) {
				this.heartbeatInterval = heartbeatInterval;
			}

			public @Nullable Duration getPollInterval() {
				return this.pollInterval;
			}

			public void setPollInterval(@Nullable Duration pollInterval) {
				this.pollInterval = pollInterval;
			}

			public @Nullable DataSize getMaxResultSize() {
				return this.maxResultSize;
			}

			public void setMaxResultSize(@Nullable DataSize maxResultSize) {
				this.maxResultSize = maxResultSize;
			}

			public @Nullable Boolean getResubmitOnOwnerLoss() {
				return this.resubmitOnOwnerLoss;
			}

			public void setResubmitOnOwnerLoss(@Nullable Boolean resubmitOnOwnerLoss) {
				this.resubmitOnOwnerLoss = resubmitOnOwnerLoss;
			}

		}

	}

	/**
	 * Shutdown when the application context closes.
	 */
	public static class Shutdown {

		private @Nullable Boolean awaitTermination;

		private @Nullable Duration awaitTerminationPeriod;

		public @Nullable Boolean getAwaitTermination() {
			return this.awaitTermination;
		}

		public void setAwaitTermination(@Nullable Boolean awaitTermination) {
			this.awaitTermination = awaitTermination;
		}

		public @Nullable Duration getAwaitTerminationPeriod() {
			return this.awaitTerminationPeriod;
		}

		public void setAwaitTerminationPeriod(@Nullable Duration awaitTerminationPeriod) {
			this.awaitTerminationPeriod = awaitTerminationPeriod;
		}

	}

	/**
	 * Worker processes of a 'process' executor.
	 */
	public static class Process {

		private @Nullable List<String> jvmArgs;

		private @Nullable Integer maxTasksPerWorker;

		private @Nullable Duration idleTimeout;

		private @Nullable Boolean prestart;

		private final ClassDataSharing classDataSharing = new ClassDataSharing();

		public @Nullable List<String> getJvmArgs() {
			return this.jvmArgs;
		}

		public void setJvmArgs(@Nullable List<String> jvmArgs) {
			this.jvmArgs = jvmArgs;
		}

		public @Nullable Integer getMaxTasksPerWorker() {
			return this.maxTasksPerWorker;
		}

		public void setMaxTasksPerWorker(@Nullable Integer maxTasksPerWorker) {
			this.maxTasksPerWorker = maxTasksPerWorker;
		}

		public @Nullable Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(@Nullable Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		public @Nullable Boolean getPrestart() {
			return this.prestart;
		}

		public void setPrestart(@Nullable Boolean prestart) {
			this.prestart = prestart;
		}

		public ClassDataSharing getClassDataSharing() {
			return this.classDataSharing;
		}

		/**
		 * Class data sharing of the worker JVMs.
		 */
		public static class ClassDataSharing {

			private @Nullable Boolean enabled;

			private @Nullable File directory;

			public @Nullable Boolean getEnabled() {
				return this.enabled;
			}

			public void setEnabled(@Nullable Boolean enabled) {
				this.enabled = enabled;
			}

			public @Nullable File getDirectory() {
				return this.directory;
			}

			public void setDirectory(@Nullable File directory) {
				this.directory = directory;
			}

		}

	}

	/**
	 * Cluster execution of a 'hazelcast' executor.
	 */
	public static class Hazelcast {

		private @Nullable Boolean retryOnMemberLoss;

		public @Nullable Boolean getRetryOnMemberLoss() {
			return this.retryOnMemberLoss;
		}

		public void setRetryOnMemberLoss(@Nullable Boolean retryOnMemberLoss) {
			this.retryOnMemberLoss = retryOnMemberLoss;
		}

	}

	/**
	 * Retries of failed tasks.
	 */
	public static class Retry {

		private @Nullable Long maxRetries;

		private @Nullable Duration delay;

		private @Nullable Double multiplier;

		private @Nullable Duration maxDelay;

		private @Nullable Duration jitter;

		private @Nullable List<String> includes;

		private @Nullable List<String> excludes;

		public @Nullable Long getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(@Nullable Long maxRetries) {
			this.maxRetries = maxRetries;
		}

		public @Nullable Duration getDelay() {
			return this.delay;
		}

		public void setDelay(@Nullable Duration delay) {
			this.delay = delay;
		}

		public @Nullable Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(@Nullable Double multiplier) {
			this.multiplier = multiplier;
		}

		public @Nullable Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(@Nullable Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public @Nullable Duration getJitter() {
			return this.jitter;
		}

		public void setJitter(@Nullable Duration jitter) {
			this.jitter = jitter;
		}

		public @Nullable List<String> getIncludes() {
			return this.includes;
		}

		public void setIncludes(@Nullable List<String> includes) {
			this.includes = includes;
		}

		public @Nullable List<String> getExcludes() {
			return this.excludes;
		}

		public void setExcludes(@Nullable List<String> excludes) {
			this.excludes = excludes;
		}

	}

}
