package dev.executor.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.executor.spi.ExecutorBackend;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one executor. Every value is optional: a named executor takes what it
 * leaves unset from the top-level {@code executor.*} properties, and those from the
 * defaults listed in docs/configuration.md.
 */
public class ExecutorSettings {

	/**
	 * Executor type: 'thread', 'virtual', 'process', 'custom', or the name of a
	 * registered ExecutorBackend bean.
	 */
	private @Nullable String type;

	/**
	 * Maximum number of tasks that run at once. Defaults to min(32, processors + 4) for
	 * 'thread', unlimited for 'virtual' and the number of processors otherwise.
	 */
	private @Nullable Integer maxWorkers;

	/**
	 * Capacity of the queue of tasks waiting for a worker; a full queue rejects new tasks.
	 * Defaults to unbounded.
	 */
	private @Nullable Integer queueCapacity;

	/**
	 * Prefix of the names of worker threads. Defaults to 'executor-' for the default
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
	 * and published as a TaskFailedEvent. When false, failures live in
	 * the futures only.
	 */
	private @Nullable Boolean propagateExceptions;

	/**
	 * Time a task may run, counted from when it starts; a task still running then is
	 * interrupted and its future fails with a TaskTimeoutException. Defaults to no limit.
	 */
	private @Nullable Duration taskTimeout;

	private final Context context = new Context();

	private final Futures futures = new Futures();

	private final Shutdown shutdown = new Shutdown();

	private final Process process = new Process();

	private final Hazelcast hazelcast = new Hazelcast();

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

	/**
	 * Propagation of the submitting thread's context into tasks.
	 */
	public static class Context {

		/**
		 * Whether tasks and callbacks see the submitting thread's context (request,
		 * security, locale, MDC, observation).
		 */
		private @Nullable Boolean propagate;

		/**
		 * Names of the context that tasks see: 'request', 'security', 'locale', 'mdc',
		 * 'observation', or the key of a ThreadLocalAccessor registered with the
		 * ContextRegistry. Context left out is cleared while a task runs. Defaults to
		 * all of it.
		 */
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

		/**
		 * Number of stored futures kept before the oldest finished ones are evicted;
		 * pending and running futures are never evicted.
		 */
		private @Nullable Integer maxLength;

		/**
		 * Time a finished stored future is kept. Defaults to no limit.
		 */
		private @Nullable Duration timeToLive;

		/**
		 * Where stored futures are kept: 'local' (this instance's memory) or 'hazelcast'
		 * (the Hazelcast cluster, so that every application instance sees them).
		 */
		private @Nullable String store;

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

	}

	/**
	 * Shutdown when the application context closes.
	 */
	public static class Shutdown {

		/**
		 * Whether running and queued tasks may finish before the executor ends; what is
		 * left after the await period is cancelled.
		 */
		private @Nullable Boolean awaitTermination;

		/**
		 * Time running and queued tasks have to finish.
		 */
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

		/**
		 * Options of the worker JVMs, such as '-Xmx256m'.
		 */
		private @Nullable List<String> jvmArgs;

		/**
		 * Number of tasks a worker process runs before it is replaced by a fresh one.
		 * Defaults to no limit.
		 */
		private @Nullable Integer maxTasksPerWorker;

		/**
		 * Time after which an idle worker process stops; it is started again when a task
		 * needs it. Defaults to keeping idle workers.
		 */
		private @Nullable Duration idleTimeout;

		/**
		 * Whether all worker processes start when the executor is created, rather than
		 * when the first tasks arrive.
		 */
		private @Nullable Boolean prestart;

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
		private @Nullable Boolean retryOnMemberLoss;

		public @Nullable Boolean getRetryOnMemberLoss() {
			return this.retryOnMemberLoss;
		}

		public void setRetryOnMemberLoss(@Nullable Boolean retryOnMemberLoss) {
			this.retryOnMemberLoss = retryOnMemberLoss;
		}

	}

}
