package dev.executor.actuate.health;

import java.util.concurrent.ThreadPoolExecutor;

import dev.executor.ManagedExecutor;
import dev.executor.core.DelegatingManagedExecutor;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} of one managed executor: {@code UP} while it accepts work,
 * {@code DOWN} once it is shut down or while it is full, all its workers busy and its
 * queue at capacity. The details hold its type, maximum workers and, for executors that
 * count them, its active, queued, completed and rejected tasks.
 */
public class ExecutorHealthIndicator implements HealthIndicator {

	private final ManagedExecutor executor;

	/**
	 * Create a new indicator.
	 * @param executor the executor
	 */
	public ExecutorHealthIndicator(ManagedExecutor executor) {
		this.executor = executor;
	}

	@Override
	public Health health() {
		Health.Builder builder = Health.up();
		if (this.executor.isShutdown()) {
			builder.down().withDetail("reason", "shut down");
		}
		else if (isFull()) {
			builder.down().withDetail("reason", "full");
		}
		builder.withDetail("type", this.executor.type()).withDetail("maxWorkers", this.executor.maxWorkers());
		if (this.executor instanceof DelegatingManagedExecutor counted) {
			builder.withDetail("active", counted.activeCount())
				.withDetail("queued", counted.queuedCount())
				.withDetail("completed", counted.completedTaskCount())
				.withDetail("rejected", counted.rejectedTaskCount());
		}
		return builder.withDetail("storedFutures", this.executor.futures().size()).build();
	}

	private boolean isFull() {
		return this.executor instanceof DelegatingManagedExecutor delegating
				&& delegating.pool() instanceof ThreadPoolExecutor pool
				&& pool.getActiveCount() >= pool.getMaximumPoolSize() && pool.getQueue().remainingCapacity() == 0;
	}

}
