package dev.executor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.unit.DataSize;

/**
 * The resolved settings of one executor: its {@code executor.named.<name>.*} properties
 * with unset keys taken from the top-level {@code executor.*} ones and defaults applied.
 * Built with {@link #builder(String)}.
 *
 * @param name the executor name
 * @param type the executor type
 * @param maxWorkers the maximum number of tasks that run at once
 * @param queueCapacity the capacity of the queue of waiting tasks, {@code null} for
 * unbounded
 * @param threadNamePrefix the prefix of the names of worker threads
 * @param poolClass the {@link java.util.concurrent.ExecutorService} class of a
 * {@code custom} executor
 * @param taskTimeout the time a task may run, {@code null} for no limit
 * @param propagateExceptions whether task failures are logged and handed to failure
 * handlers
 * @param propagateContext whether tasks see the submitting thread's context
 * @param futuresMaxLength the number of stored futures kept before finished ones are
 * evicted
 * @param futuresTimeToLive the time a finished stored future is kept, {@code null} for
 * no limit
 * @param awaitTermination whether to wait for running and queued tasks on shutdown
 * @param awaitTerminationPeriod the time to wait for them
 * @param contextInclude the names of the context that tasks see when
 * {@code propagateContext} is true, {@code null} for everything
 * @param process the settings of the worker processes of a {@code process} executor
 * @param hazelcast the settings of a {@code hazelcast} executor
 * @param retry the policy by which failed tasks are run again, {@code null} to fail a
 * task at its first failure
 * @param jdbc the settings of stored futures kept in the application's database
 */
public record ExecutorSpec(String name, String type, int maxWorkers, @Nullable Integer queueCapacity,
		String threadNamePrefix, @Nullable String poolClass, @Nullable Duration taskTimeout,
		boolean propagateExceptions, boolean propagateContext, int futuresMaxLength,
		@Nullable Duration futuresTimeToLive, boolean awaitTermination, Duration awaitTerminationPeriod,
		@Nullable Set<String> contextInclude, ProcessSpec process, HazelcastSpec hazelcast,
		@Nullable RetryPolicy retry, JdbcSpec jdbc) {

	private static final JdbcSpec NO_JDBC = new JdbcSpec(false, "EXECUTOR_FUTURES", Duration.ofSeconds(30),
			Duration.ofSeconds(5), Duration.ofMillis(500), DataSize.ofMegabytes(1), false);

	/**
	 * Create settings, keeping an unmodifiable copy of the include list in its order.
	 */
	public ExecutorSpec {
		contextInclude = (contextInclude != null) ? Collections.unmodifiableSet(new LinkedHashSet<>(contextInclude)) : null;
	}

	/**
	 * Create settings of an executor whose stored futures are not kept in a database.
	 * @param name the executor name
	 * @param type the executor type
	 * @param maxWorkers the maximum number of tasks that run at once
	 * @param queueCapacity the capacity of the queue, {@code null} for unbounded
	 * @param threadNamePrefix the prefix of the names of worker threads
	 * @param poolClass the pool class of a {@code custom} executor
	 * @param taskTimeout the time a task may run, {@code null} for no limit
	 * @param propagateExceptions whether task failures are propagated
	 * @param propagateContext whether tasks see the submitting thread's context
	 * @param futuresMaxLength the number of stored futures kept
	 * @param futuresTimeToLive the time a finished stored future is kept
	 * @param awaitTermination whether to wait for tasks on shutdown
	 * @param awaitTerminationPeriod the time to wait for them
	 * @param contextInclude the names of the context that tasks see
	 * @param process the settings of the worker processes
	 * @param hazelcast the settings of a {@code hazelcast} executor
	 * @param retry the policy by which failed tasks are run again, {@code null} for none
	 */
	public ExecutorSpec(String name, String type, int maxWorkers, @Nullable Integer queueCapacity,
			String threadNamePrefix, @Nullable String poolClass, @Nullable Duration taskTimeout,
			boolean propagateExceptions, boolean propagateContext, int futuresMaxLength,
			@Nullable Duration futuresTimeToLive, boolean awaitTermination, Duration awaitTerminationPeriod,
			@Nullable Set<String> contextInclude, ProcessSpec process, HazelcastSpec hazelcast,
			@Nullable RetryPolicy retry) {
		this(name, type, maxWorkers, queueCapacity, threadNamePrefix, poolClass, taskTimeout, propagateExceptions,
				propagateContext, futuresMaxLength, futuresTimeToLive, awaitTermination, awaitTerminationPeriod,
				contextInclude, process, hazelcast, retry, NO_JDBC);
	}

	/**
	 * Create settings of an executor that does not retry failed tasks.
	 * @param name the executor name
	 * @param type the executor type
	 * @param maxWorkers the maximum number of tasks that run at once
	 * @param queueCapacity the capacity of the queue, {@code null} for unbounded
	 * @param threadNamePrefix the prefix of the names of worker threads
	 * @param poolClass the pool class of a {@code custom} executor
	 * @param taskTimeout the time a task may run, {@code null} for no limit
	 * @param propagateExceptions whether task failures are propagated
	 * @param propagateContext whether tasks see the submitting thread's context
	 * @param futuresMaxLength the number of stored futures kept
	 * @param futuresTimeToLive the time a finished stored future is kept
	 * @param awaitTermination whether to wait for tasks on shutdown
	 * @param awaitTerminationPeriod the time to wait for them
	 * @param contextInclude the names of the context that tasks see
	 * @param process the settings of the worker processes
	 * @param hazelcast the settings of a {@code hazelcast} executor
	 */
	public ExecutorSpec(String name, String type, int maxWorkers, @Nullable Integer queueCapacity,
			String threadNamePrefix, @Nullable String poolClass, @Nullable Duration taskTimeout,
			boolean propagateExceptions, boolean propagateContext, int futuresMaxLength,
			@Nullable Duration futuresTimeToLive, boolean awaitTermination, Duration awaitTerminationPeriod,
			@Nullable Set<String> contextInclude, ProcessSpec process, HazelcastSpec hazelcast) {
		this(name, type, maxWorkers, queueCapacity, threadNamePrefix, poolClass, taskTimeout, propagateExceptions,
				propagateContext, futuresMaxLength, futuresTimeToLive, awaitTermination, awaitTerminationPeriod,
				contextInclude, process, hazelcast, null);
	}

	/**
	 * Return a builder of the settings of the executor with the given name. It starts
	 * from a bare executor, not from the configuration's defaults (those belong to the
	 * {@code executor.*} properties): a {@code thread} executor of one worker with an
	 * unbounded queue and threads named {@code <name>-}, no time limits, failures kept in
	 * the futures, no context propagated, no finished stored future kept, no wait on
	 * shutdown, neither worker JVM options nor Hazelcast features, no retries, and stored
	 * futures kept in memory.
	 * @param name the executor name
	 * @return the builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * Return the prefix of this executor's properties: {@code executor} for the default
	 * executor, {@code executor.named.<name>} for a named one.
	 * @return the property prefix
	 */
	public String propertyPrefix() {
		return propertyPrefix(this.name);
	}

	/**
	 * Return the prefix of the properties of the executor with the given name.
	 * @param name the executor name
	 * @return the property prefix
	 */
	public static String propertyPrefix(String name) {
		return ManagedExecutor.DEFAULT_NAME.equals(name) ? "executor" : "executor.named." + name;
	}

	/**
	 * The settings of the worker processes of a {@code process} executor.
	 *
	 * @param jvmArgs the options of the worker JVMs, such as {@code -Xmx256m}
	 * @param maxTasksPerWorker the number of tasks after which a worker process is
	 * replaced, {@code null} for no limit
	 * @param idleTimeout the time after which an idle worker process stops, {@code null}
	 * to keep idle workers
	 * @param prestart whether all worker processes start when the executor is created
	 * @param classDataSharing whether worker JVMs start from a class data sharing archive
	 * of the classes they load, created by the first start
	 * @param classDataSharingDirectory the directory of the archives, {@code null} for
	 * one under {@code java.io.tmpdir}
	 */
	public record ProcessSpec(List<String> jvmArgs, @Nullable Integer maxTasksPerWorker, @Nullable Duration idleTimeout,
			boolean prestart, boolean classDataSharing, @Nullable Path classDataSharingDirectory) {

		/**
		 * Create a new instance.
		 * @param jvmArgs the options of the worker JVMs
		 * @param maxTasksPerWorker the number of tasks after which a worker process is
		 * replaced, {@code null} for no limit
		 * @param idleTimeout the time after which an idle worker process stops,
		 * {@code null} to keep idle workers
		 * @param prestart whether all worker processes start when the executor is created
		 * @param classDataSharing whether worker JVMs start from a class data sharing
		 * archive
		 * @param classDataSharingDirectory the directory of the archives, {@code null}
		 * for one under {@code java.io.tmpdir}
		 */
		public ProcessSpec {
			jvmArgs = List.copyOf(jvmArgs);
		}

		/**
		 * Create a new instance whose workers start without a class data sharing
		 * archive.
		 * @param jvmArgs the options of the worker JVMs
		 * @param maxTasksPerWorker the number of tasks after which a worker process is
		 * replaced, {@code null} for no limit
		 * @param idleTimeout the time after which an idle worker process stops,
		 * {@code null} to keep idle workers
		 * @param prestart whether all worker processes start when the executor is created
		 */
		public ProcessSpec(List<String> jvmArgs, @Nullable Integer maxTasksPerWorker, @Nullable Duration idleTimeout,
				boolean prestart) {
			this(jvmArgs, maxTasksPerWorker, idleTimeout, prestart, false, null);
		}

	}

	/**
	 * The settings of an executor's use of Hazelcast: of a {@code hazelcast} executor,
	 * and of any executor whose stored futures live in the cluster.
	 *
	 * @param retryOnMemberLoss whether a task whose member leaves the cluster while it
	 * runs it is run again on another member
	 * @param storeFutures whether stored futures are kept in the cluster, visible from
	 * every application instance ({@code futures.store=hazelcast}), rather than in this
	 * instance's memory
	 */
	public record HazelcastSpec(boolean retryOnMemberLoss, boolean storeFutures) {

	}

	/**
	 * The settings of stored futures kept in the application's database
	 * ({@code futures.store=jdbc}).
	 *
	 * @param storeFutures whether stored futures are kept in the database, visible from
	 * every application instance and across restarts
	 * @param tableName the name of the table of stored futures
	 * @param ownerTimeout the time after which a silent instance is taken for dead
	 * @param heartbeatInterval the time between two heartbeats of this instance
	 * @param pollInterval the time between two reads of other instances' futures
	 * @param maxResultSize the largest serialised result or exception stored
	 * @param resubmitOnOwnerLoss whether tasks are kept in the database, so that a survivor
	 * runs again the task of an instance that was lost
	 * @since 0.1.0
	 */
	public record JdbcSpec(boolean storeFutures, String tableName, Duration ownerTimeout, Duration heartbeatInterval,
			Duration pollInterval, DataSize maxResultSize, boolean resubmitOnOwnerLoss) {

	}

	/**
	 * A builder of {@link ExecutorSpec} instances, see {@link ExecutorSpec#builder}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final String name;

		private String type = "thread";

		private int maxWorkers = 1;

		private @Nullable Integer queueCapacity;

		private String threadNamePrefix;

		private @Nullable String poolClass;

		private @Nullable Duration taskTimeout;

		private boolean propagateExceptions;

		private boolean propagateContext;

		private int futuresMaxLength;

		private @Nullable Duration futuresTimeToLive;

		private boolean awaitTermination;

		private Duration awaitTerminationPeriod = Duration.ZERO;

		private @Nullable Set<String> contextInclude;

		private ProcessSpec process = new ProcessSpec(List.of(), null, null, false);

		private HazelcastSpec hazelcast = new HazelcastSpec(false, false);

		private @Nullable RetryPolicy retry;

		private JdbcSpec jdbc = NO_JDBC;

		private Builder(String name) {
			this.name = name;
			this.threadNamePrefix = name + "-";
		}

		/**
		 * Set the executor type.
		 * @param type the type
		 * @return this builder
		 */
		public Builder type(String type) {
			this.type = type;
			return this;
		}

		/**
		 * Set the maximum number of tasks that run at once.
		 * @param maxWorkers the maximum number of workers
		 * @return this builder
		 */
		public Builder maxWorkers(int maxWorkers) {
			this.maxWorkers = maxWorkers;
			return this;
		}

		/**
		 * Set the capacity of the queue of waiting tasks.
		 * @param queueCapacity the capacity, {@code null} for unbounded
		 * @return this builder
		 */
		public Builder queueCapacity(@Nullable Integer queueCapacity) {
			this.queueCapacity = queueCapacity;
			return this;
		}

		/**
		 * Set the prefix of the names of worker threads.
		 * @param threadNamePrefix the prefix
		 * @return this builder
		 */
		public Builder threadNamePrefix(String threadNamePrefix) {
			this.threadNamePrefix = threadNamePrefix;
			return this;
		}

		/**
		 * Set the {@link java.util.concurrent.ExecutorService} class of a {@code custom}
		 * executor.
		 * @param poolClass the fully qualified class name, {@code null} for none
		 * @return this builder
		 */
		public Builder poolClass(@Nullable String poolClass) {
			this.poolClass = poolClass;
			return this;
		}

		/**
		 * Set the time a task may run.
		 * @param taskTimeout the time, {@code null} for no limit
		 * @return this builder
		 */
		public Builder taskTimeout(@Nullable Duration taskTimeout) {
			this.taskTimeout = taskTimeout;
			return this;
		}

		/**
		 * Set whether task failures are logged and handed to failure handlers.
		 * @param propagateExceptions whether to propagate failures
		 * @return this builder
		 */
		public Builder propagateExceptions(boolean propagateExceptions) {
			this.propagateExceptions = propagateExceptions;
			return this;
		}

		/**
		 * Set whether tasks see the submitting thread's context.
		 * @param propagateContext whether to propagate context
		 * @return this builder
		 */
		public Builder propagateContext(boolean propagateContext) {
			this.propagateContext = propagateContext;
			return this;
		}

		/**
		 * Set the names of the context that tasks see when context is propagated.
		 * @param contextInclude the names, {@code null} for everything
		 * @return this builder
		 */
		public Builder contextInclude(@Nullable Set<String> contextInclude) {
			this.contextInclude = contextInclude;
			return this;
		}

		/**
		 * Set the number of stored futures kept before finished ones are evicted.
		 * @param futuresMaxLength the number
		 * @return this builder
		 */
		public Builder futuresMaxLength(int futuresMaxLength) {
			this.futuresMaxLength = futuresMaxLength;
			return this;
		}

		/**
		 * Set the time a finished stored future is kept.
		 * @param futuresTimeToLive the time, {@code null} for no limit
		 * @return this builder
		 */
		public Builder futuresTimeToLive(@Nullable Duration futuresTimeToLive) {
			this.futuresTimeToLive = futuresTimeToLive;
			return this;
		}

		/**
		 * Set whether running and queued tasks may finish on shutdown.
		 * @param awaitTermination whether to wait for them
		 * @return this builder
		 */
		public Builder awaitTermination(boolean awaitTermination) {
			this.awaitTermination = awaitTermination;
			return this;
		}

		/**
		 * Set the time running and queued tasks have to finish on shutdown.
		 * @param awaitTerminationPeriod the time
		 * @return this builder
		 */
		public Builder awaitTerminationPeriod(Duration awaitTerminationPeriod) {
			this.awaitTerminationPeriod = awaitTerminationPeriod;
			return this;
		}

		/**
		 * Set the settings of the worker processes of a {@code process} executor.
		 * @param process the settings
		 * @return this builder
		 */
		public Builder process(ProcessSpec process) {
			this.process = process;
			return this;
		}

		/**
		 * Set the settings of the executor's use of Hazelcast.
		 * @param hazelcast the settings
		 * @return this builder
		 */
		public Builder hazelcast(HazelcastSpec hazelcast) {
			this.hazelcast = hazelcast;
			return this;
		}

		/**
		 * Set the policy by which failed tasks are run again.
		 * @param retry the policy, {@code null} to fail a task at its first failure
		 * @return this builder
		 */
		public Builder retry(@Nullable RetryPolicy retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * Set the settings of stored futures kept in the application's database.
		 * @param jdbc the settings
		 * @return this builder
		 */
		public Builder jdbc(JdbcSpec jdbc) {
			this.jdbc = jdbc;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public ExecutorSpec build() {
			return new ExecutorSpec(this.name, this.type, this.maxWorkers, this.queueCapacity, this.threadNamePrefix,
					this.poolClass, this.taskTimeout, this.propagateExceptions, this.propagateContext,
					this.futuresMaxLength, this.futuresTimeToLive, this.awaitTermination, this.awaitTerminationPeriod,
					this.contextInclude, this.process, this.hazelcast, this.retry, this.jdbc);
		}

	}

}
