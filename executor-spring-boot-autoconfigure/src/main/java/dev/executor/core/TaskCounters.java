package dev.executor.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;

import dev.executor.ExecutorStats;
import dev.executor.spi.TaskOutcome;
import dev.executor.spi.TaskPool;

/**
 * The counts of one executor's tasks: those in flight, kept by {@link InFlightTasks},
 * and those that ended other than well or never got in. Read as one
 * {@link ExecutorStats} snapshot.
 */
final class TaskCounters {

	private final TaskPool taskPool;

	private final InFlightTasks inFlight;

	private final LongAdder rejected = new LongAdder();

	// only tasks that end other than well are counted here, so that the common case
	// writes nothing shared
	private final LongAdder failed = new LongAdder();

	private final LongAdder cancelled = new LongAdder();

	private final LongAdder retries = new LongAdder();

	TaskCounters(ExecutorService pool, TaskPool taskPool) {
		this.taskPool = taskPool;
		this.inFlight = InFlightTasks.of(pool, taskPool);
	}

	InFlightTasks inFlight() {
		return this.inFlight;
	}

	void rejected() {
		this.rejected.increment();
	}

	void retried() {
		this.retries.increment();
	}

	void ended(TaskOutcome outcome) {
		if (outcome == TaskOutcome.CANCELLED) {
			this.cancelled.increment();
		}
		else if (outcome != TaskOutcome.SUCCESS) {
			this.failed.increment();
		}
	}

	ExecutorStats stats(int maxWorkers, int storedFutures) {
		int active = this.inFlight.running();
		return ExecutorStats.builder()
			.maxWorkers(maxWorkers)
			.poolSize(this.taskPool.poolSize().orElse(active))
			.active(active)
			.queued(this.inFlight.queued())
			.inFlight(this.inFlight.size())
			.completed(this.inFlight.completed())
			.failed(this.failed.sum())
			.cancelled(this.cancelled.sum())
			.rejected(this.rejected.sum())
			.retries(this.retries.sum())
			.storedFutures(storedFutures)
			.full(this.taskPool.isFull())
			.build();
	}

}
