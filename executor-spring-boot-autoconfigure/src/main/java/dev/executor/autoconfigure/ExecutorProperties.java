package dev.executor.autoconfigure;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of managed executors. The top-level keys configure the
 * default executor and hold the defaults: a named executor takes every key it leaves
 * unset from here.
 */
@ConfigurationProperties("executor")
public class ExecutorProperties {

	/**
	 * Executor type: 'thread', 'virtual', 'process', 'custom', 'hazelcast', or the name
	 * of a registered ExecutorBackend bean.
	 */
	private String type = "thread";

	/**
	 * Maximum number of tasks that run at once. When not set, min(32, processors + 4)
	 * for 'thread', unlimited for 'virtual' and the number of processors otherwise.
	 */
	private @Nullable Integer maxWorkers;

	/**
	 * Capacity of the queue of tasks waiting for a worker; a full queue rejects new
	 * tasks. When not set, the queue is unbounded.
	 */
	private @Nullable Integer queueCapacity;

	/**
	 * Prefix of the names of worker threads. When not set, 'executor-' for the default
	 * executor and '<name>-' for a named one.
	 */
	private @Nullable String threadNamePrefix;

	/**
	 * Fully qualified name of the ExecutorService class of a 'custom' executor, created
	 * with its (int maxWorkers) or no-argument constructor.
	 */
	private @Nullable String poolClass;

	/**
	 * Whether every task failure is logged at ERROR, handed to TaskFailureHandler beans
	 * and published as a TaskFailedEvent, rather than kept in its future only.
	 */
	private boolean propagateExceptions = false;

	/**
	 * Time a task may run, counted from when it starts; a task still running then is
	 * interrupted and its future fails with a TaskTimeoutException. When not set, tasks
	 * run without a time limit.
	 */
	private @Nullable Duration taskTimeout;

	private final Context context = new Context();

	private final Futures futures = new Futures();

	private final Shutdown shutdown = new Shutdown();

	private final Process process = new Process();

	private final Hazelcast hazelcast = new Hazelcast();

	@NestedConfigurationProperty
	private final ExecutorRetryProperties retry = new ExecutorRetryProperties();

	@NestedConfigurationProperty
	private final ExecutorDashboardProperties dashboard = new ExecutorDashboardProperties();

	/**
	 * Named executors, by name (letters, digits, '-' and '_'). Keys a named executor
	 * leaves unset are taken from the top-level 'executor.*' ones.
	 */
	private final Map<String, ExecutorSettings> named = new LinkedHashMap<>();

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
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

	public boolean isPropagateExceptions() {
		return this.propagateExceptions;
	}

	public void setPropagateExceptions(boolean propagateExceptions) {
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

	public ExecutorRetryProperties getRetry() {
		return this.retry;
	}

	public ExecutorDashboardProperties getDashboard() {
		return this.dashboard;
	}

	public Map<String, ExecutorSettings> getNamed() {
		return this.named;
	}

	/**
	 * Propagation of the submitting thread's context into tasks.
	 */
	public static class Context {

		/**
		 * Whether tasks and callbacks see the submitting thread's context (request,
		 * security, locale, MDC, observation).
		 */
		private boolean propagate = true;

		/**
		 * Names of the context that tasks see: 'request', 'security', 'locale', 'mdc',
		 * 'observation', or the key of a ThreadLocalAccessor registered with the
		 * ContextRegistry. Context left out is cleared while a task runs. When not set,
		 * tasks see all of it.
		 */
		private @Nullable List<String> include;

		public boolean isPropagate() {
			return this.propagate;
		}

		public void setPropagate(boolean propagate) {
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

		/**
		 * Number of stored futures kept before the oldest finished ones are evicted;
		 * pending and running futures are never evicted.
		 */
		private int maxLength = 50;

		/**
		 * Time a finished stored future is kept. When not set, it is kept until evicted
		 * by max-length.
		 */
		private @Nullable Duration timeToLive;

		/**
		 * Where stored futures are kept: 'local' (this instance's memory), 'hazelcast'
		 * (the Hazelcast cluster) or 'jdbc' (the application's database), so that every
		 * application instance sees them.
		 */
		private String store = "local";

		/**
		 * Stored futures kept in the application's database ('store: jdbc').
		 */
		private final Jdbc jdbc = new Jdbc();

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			this.maxLength = maxLength;
		}

		public @Nullable Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(@Nullable Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public String getStore() {
			return this.store;
		}

		public void setStore(String store) {
			this.store = store;
		}

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		/**
		 * Stored futures kept in the application's database.
		 */
		public static class Jdbc {

			/**
			 * When to create the store's tables with the scripts in the jar: 'embedded'
			 * (only in an embedded database), 'always' or 'never'.
			 */
			private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

			/**
			 * Name of the table of stored futures; the table of instances adds
			 * '_INSTANCES' to it.
			 */
			private String tableName = "EXECUTOR_FUTURES";

			/**
			 * Time after which an instance that sent no heartbeat is taken for dead: its
			 * pending and running futures fail.
			 */
			private Duration ownerTimeout = Duration.ofSeconds(30);

			/**
			 * Time between two heartbeats of this instance.
			 */
			private Duration heartbeatInterval = Duration.ofSeconds(5);

			/**
			 * Time between two reads of the futures other instances run, and of the
			 * cancellations other instances asked for.
			 */
			private Duration pollInterval = Duration.ofMillis(500);

			/**
			 * Largest serialised result or exception stored; a larger one can only be read
			 * on the instance that ran the task.
			 */
			private DataSize maxResultSize = DataSize.ofMegabytes(1);

			/**
			 * Whether a survivor runs again, on its executor of the same name, the task of a
			 * stored future whose instance was lost. Tasks are then serialised into the
			 * database when they are submitted. At least once: a task may run twice.
			 */
			private boolean resubmitOnOwnerLoss;

			public InitializeSchema getInitializeSchema() {
				return this.initializeSchema;
			}

			public void setInitializeSchema(InitializeSchema initializeSchema) {
				this.initializeSchema = initializeSchema;
			}

			public String getTableName() {
				return this.tableName;
			}

			public void setTableName(String tableName) {
				this.tableName = tableName;
			}

			public Duration getOwnerTimeout() {
				return this.ownerTimeout;
			}

			public void setOwnerTimeout(Duration ownerTimeout) {
				this.ownerTimeout = ownerTimeout;
			}

			public Duration getHeartbeatInterval() {
				return this.heartbeatInterval;
			}

			public void setHeartbeatInterval(Duration heartbeatInterval) {
				this.heartbeatInterval = heartbeatInterval;
			}

			public Duration getPollInterval() {
				return this.pollInterval;
			}

			public void setPollInterval(Duration pollInterval) {
				this.pollInterval = pollInterval;
			}

			public DataSize getMaxResultSize() {
				return this.maxResultSize;
			}

			public void setMaxResultSize(DataSize maxResultSize) {
				this.maxResultSize = maxResultSize;
			}

			public boolean isResubmitOnOwnerLoss() {
				return this.resubmitOnOwnerLoss;
			}

			public void setResubmitOnOwnerLoss(boolean resubmitOnOwnerLoss) {
				this.resubmitOnOwnerLoss = resubmitOnOwnerLoss;
			}

		}

		/**
		 * When the tables of the database store are created.
		 */
		public enum InitializeSchema {

			/**
			 * Only in an embedded database.
			 */
			EMBEDDED,

			/**
			 * Always.
			 */
			ALWAYS,

			/**
			 * Never: the tables come from the application's own migrations.
			 */
			NEVER

		}

	}

	/**
	 * Shutdown when the application context closes.
	 */
	public static class Shutdown {

		/**
		 * Whether running and queued tasks may finish before the executor ends; what is
		 * left after the await period is cancelled.
		 */
		private boolean awaitTermination = true;

		/**
		 * Time running and queued tasks have to finish.
		 */
		private Duration awaitTerminationPeriod = Duration.ofSeconds(30);

		public boolean isAwaitTermination() {
			return this.awaitTermination;
		}

		public void setAwaitTermination(boolean awaitTermination) {
			this.awaitTermination = awaitTermination;
		}

		public Duration getAwaitTerminationPeriod() {
			return this.awaitTerminationPeriod;
		}

		public void setAwaitTerminationPeriod(Duration awaitTerminationPeriod) {
			this.awaitTerminationPeriod = awaitTerminationPeriod;
		}

	}

	/**
	 * Worker processes of a 'process' executor.
	 */
	public static class Process {

		/**
		 * Options of the worker JVMs, such as '-Xmx256m'.
		 */
		private List<String> jvmArgs = new ArrayList<>();

		/**
		 * Number of tasks a worker process runs before it is replaced by a fresh one.
		 * When not set, a worker runs tasks until it stops.
		 */
		private @Nullable Integer maxTasksPerWorker;

		/**
		 * Time after which an idle worker process stops; it is started again when a task
		 * needs it. When not set, idle workers keep running.
		 */
		private @Nullable Duration idleTimeout;

		/**
		 * Whether all worker processes start when the executor is created, rather than
		 * when the first tasks arrive.
		 */
		private boolean prestart = true;

		private final ClassDataSharing classDataSharing = new ClassDataSharing();

		public List<String> getJvmArgs() {
			return this.jvmArgs;
		}

		public void setJvmArgs(List<String> jvmArgs) {
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

		public boolean isPrestart() {
			return this.prestart;
		}

		public void setPrestart(boolean prestart) {
			this.prestart = prestart;
		}

		public ClassDataSharing getClassDataSharing() {
			return this.classDataSharing;
		}

		/**
		 * Class data sharing of the worker JVMs: an archive of the classes a worker
		 * loads, written by a short training run of a worker when the first pool starts
		 * and mapped by the workers started after it. Only for a class path of jar
		 * files.
		 */
		public static class ClassDataSharing {

			/**
			 * Whether worker JVMs start from a class data sharing archive.
			 */
			private boolean enabled = true;

			/**
			 * Directory of the archives, one per Java installation, class path and
			 * worker options. When not set, a directory of the user under
			 * 'java.io.tmpdir'.
			 */
			private @Nullable File directory;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
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

		/**
		 * Whether a task whose member leaves the cluster while running it is run again on
		 * another member, rather than failing with a MemberLostException. Only for tasks
		 * that can safely run twice.
		 */
		private boolean retryOnMemberLoss = false;

		public boolean isRetryOnMemberLoss() {
			return this.retryOnMemberLoss;
		}

		public void setRetryOnMemberLoss(boolean retryOnMemberLoss) {
			this.retryOnMemberLoss = retryOnMemberLoss;
		}

	}

}
