package dev.executor.actuate.metrics;

import java.util.Locale;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.StoredFutures;
import dev.executor.spi.TaskListener;
import dev.executor.spi.TaskObserver;
import dev.executor.spi.TaskOutcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

/**
 * Publishes the meters of every executor, tagged {@code name=<executor>}, under
 * Micrometer's executor names. A {@link ThreadPoolExecutor} pool is bound with
 * {@link ExecutorServiceMetrics}; for other pools the executor's own counts stand in:
 * {@code executor.active}, {@code executor.queued}, {@code executor.pool.size} (the
 * workers busy with a task), {@code executor.pool.max} and {@code executor.completed}.
 * Every executor also has:
 * <ul>
 * <li>{@code executor.tasks}, a timer of how long tasks ran, tagged {@code outcome}
 * {@code success}, {@code failure}, {@code cancelled} or {@code timeout}; a task
 * cancelled before it started counts with a duration of zero;</li>
 * <li>{@code executor.futures.stored}, the number of stored futures;</li>
 * <li>{@code executor.rejected}, the number of rejected submissions.</li>
 * <li>{@code executor.tasks.retries}, the number of failed attempts that another attempt
 * followed.</li>
 * </ul>
 */
public class ExecutorMetrics implements TaskObserver {

	private final MeterRegistry registry;

	/**
	 * Create a new instance.
	 * @param registry the registry the meters are published to
	 */
	public ExecutorMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public TaskListener observe(ManagedExecutor executor) {
		Tags tags = Tags.of("name", executor.name());
		executor.pool(ThreadPoolExecutor.class)
			.ifPresentOrElse(
					(pool) -> new ExecutorServiceMetrics(pool, executor.name(), Tags.empty()).bindTo(this.registry),
					() -> bindExecutorCounts(executor, tags));
		Gauge.builder("executor.futures.stored", executor.futures(), StoredFutures::size)
			.tags(tags)
			.description("The number of futures stored under a key")
			.baseUnit("futures")
			.register(this.registry);
		FunctionCounter.builder("executor.rejected", executor, (counted) -> counted.stats().rejected())
			.tags(tags)
			.description("The number of tasks the executor rejected, because its queue was full or it was shut down")
			.baseUnit("tasks")
			.register(this.registry);
		FunctionCounter.builder("executor.tasks.retries", executor, (counted) -> counted.stats().retries())
			.tags(tags)
			.description("The number of failed attempts of tasks that were followed by another attempt")
			.baseUnit("tasks")
			.register(this.registry);
		return new TaskTimers(this.registry, tags);
	}

	private void bindExecutorCounts(ManagedExecutor executor, Tags tags) {
		FunctionCounter.builder("executor.completed", executor, (counted) -> counted.stats().completed())
			.tags(tags)
			.description("The approximate total number of tasks that have completed execution")
			.baseUnit("tasks")
			.register(this.registry);
		Gauge.builder("executor.active", executor, (counted) -> counted.stats().active())
			.tags(tags)
			.description("The approximate number of threads that are actively executing tasks")
			.baseUnit("threads")
			.register(this.registry);
		Gauge.builder("executor.queued", executor, (counted) -> counted.stats().queued())
			.tags(tags)
			.description("The approximate number of tasks that are queued for execution")
			.baseUnit("tasks")
			.register(this.registry);
		Gauge.builder("executor.pool.size", executor, (counted) -> counted.stats().poolSize())
			.tags(tags)
			.description("The number of workers busy with a task of the executor")
			.baseUnit("threads")
			.register(this.registry);
		Gauge.builder("executor.pool.max", executor, ManagedExecutor::maxWorkers)
			.tags(tags)
			.description("The maximum allowed number of threads in the pool")
			.baseUnit("threads")
			.register(this.registry);
	}

	/**
	 * Times the tasks of one executor, with a timer registered up front for each
	 * outcome.
	 */
	private static final class TaskTimers implements TaskListener {

		private final Timer[] timers = new Timer[TaskOutcome.values().length];

		TaskTimers(MeterRegistry registry, Tags tags) {
			for (TaskOutcome outcome : TaskOutcome.values()) {
				this.timers[outcome.ordinal()] = Timer.builder("executor.tasks")
					.tags(tags)
					.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
					.description("The time tasks ran, from their start until their future completed")
					.register(registry);
			}
		}

		@Override
		public void taskEnded(FutureProxy<?> future, TaskOutcome outcome, long durationNanos) {
			this.timers[outcome.ordinal()].record(durationNanos, TimeUnit.NANOSECONDS);
		}

	}

}
