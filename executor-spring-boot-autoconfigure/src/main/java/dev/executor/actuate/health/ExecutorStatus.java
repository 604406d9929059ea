package dev.executor.actuate.health;

import java.util.Optional;

import dev.executor.ExecutorStats;
import dev.executor.ManagedExecutor;

/**
 * Whether a managed executor is up, read the same way by its
 * {@link ExecutorHealthIndicator health indicator} and by the {@code executors}
 * endpoint: it is down once it is shut down, and while it is full, all its workers busy
 * and its queue at capacity.
 *
 * @since 0.1.0
 */
public final class ExecutorStatus {

	private ExecutorStatus() {
	}

	/**
	 * Return why the given executor is down, if it is.
	 * @param executor the executor
	 * @param stats its figures, read once by the caller so that they agree with what it
	 * shows beside the status
	 * @return {@code shut down} or {@code full}, or empty while the executor is up
	 */
	public static Optional<String> downReason(ManagedExecutor executor, ExecutorStats stats) {
		if (executor.isShutdown()) {
			return Optional.of("shut down");
		}
		return stats.full() ? Optional.of("full") : Optional.empty();
	}

}
