package dev.executor.actuate.health;

import dev.executor.ExecutorStats;
import dev.executor.ManagedExecutor;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} of one managed executor: {@code UP} while it accepts work,
 * {@code DOWN} once it is shut down or while it is full, all its workers busy and its
 * queue at capacity. The details hold its type, maximum workers, its active, queued,
 * completed and rejected tasks and its stored futures.
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
		ExecutorStats stats = this.executor.stats();
		ExecutorStatus.downReason(this.executor, stats)
			.ifPresent((reason) -> builder.down().withDetail("reason", reason));
		return builder.withDetail("type", this.executor.type())
			.withDetail("maxWorkers", stats.maxWorkers())
			.withDetail("active", stats.active())
			.withDetail("queued", stats.queued())
			.withDetail("completed", stats.completed())
			.withDetail("rejected", stats.rejected())
			.withDetail("storedFutures", stats.storedFutures())
			.build();
	}

}
