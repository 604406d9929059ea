package dev.executor;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

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
 */
public record ExecutorSpec(String name, String type, int maxWorkers, @Nullable Integer queueCapacity,
		String threadNamePrefix, @Nullable String poolClass, @Nullable Duration taskTimeout,
		boolean propagateExceptions, boolean propagateContext, int futuresMaxLength,
		@Nullable Duration futuresTimeToLive, boolean awaitTermination, Duration awaitTerminationPeriod,
		@Nullable Set<String> contextInclude) {

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
				propagateContext, futuresMaxLength, futuresTimeToLive, awaitTermination, awaitTerminationPeriod, null);
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

}
