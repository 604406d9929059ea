package dev.executor;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The resolved settings of one executor: its {@code executor.named.<name>.*} properties
 * with unset keys taken from the top-level {@code executor.*} ones and defaults applied.
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
 */
public record ExecutorSpec(String name, String type, int maxWorkers, @Nullable Integer queueCapacity,
		String threadNamePrefix, @Nullable String poolClass, @Nullable Duration taskTimeout,
		boolean propagateExceptions, boolean propagateContext, int futuresMaxLength,
		@Nullable Duration futuresTimeToLive, boolean awaitTermination, Duration awaitTerminationPeriod,
		@Nullable Set<String> contextInclude, ProcessSpec process, HazelcastSpec hazelcast) {

	/**
	 * Create settings that propagate all context when {@code propagateContext} is true.
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
	 * @param futuresTimeToLive the time a finished stored future is kept, {@code null}
	 * for no limit
	 * @param awaitTermination whether to wait for running and queued tasks on shutdown
	 * @param awaitTerminationPeriod the time to wait for them
	 */
	public ExecutorSpec(String name, String type, int maxWorkers, @Nullable Integer queueCapacity,
			String threadNamePrefix, @Nullable String poolClass, @Nullable Duration taskTimeout,
			boolean propagateExceptions, boolean propagateContext, int futuresMaxLength,
			@Nullable Duration futuresTimeToLive, boolean awaitTermination, Duration awaitTerminationPeriod) {
		this(name, type, maxWorkers, queueCapacity, threadNamePrefix, poolClass, taskTimeout, propagateExceptions,
				propagateContext, futuresMaxLength, futuresTimeToLive, awaitTermination, awaitTerminationPeriod, null,
				ProcessSpec.DEFAULT, HazelcastSpec.DEFAULT);
	}

	/**
	 * Create settings, keeping an unmodifiable copy of the include list in its order.
	 */
	public ExecutorSpec {
		contextInclude = (contextInclude != null) ? Collections.unmodifiableSet(new LinkedHashSet<>(contextInclude)) : null;
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
	 */
	public record ProcessSpec(List<String> jvmArgs, @Nullable Integer maxTasksPerWorker, @Nullable Duration idleTimeout,
			boolean prestart) {

		/**
		 * The settings used when none are configured.
		 */
		public static final ProcessSpec DEFAULT = new ProcessSpec(List.of(), null, null, true);

		/**
		 * Create a new instance.
		 * @param jvmArgs the options of the worker JVMs
		 * @param maxTasksPerWorker the number of tasks after which a worker process is
		 * replaced, {@code null} for no limit
		 * @param idleTimeout the time after which an idle worker process stops,
		 * {@code null} to keep idle workers
		 * @param prestart whether all worker processes start when the executor is created
		 */
		public ProcessSpec {
			jvmArgs = List.copyOf(jvmArgs);
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

		/**
		 * The settings used when none are configured.
		 */
		public static final HazelcastSpec DEFAULT = new HazelcastSpec(false, false);

	}

}
