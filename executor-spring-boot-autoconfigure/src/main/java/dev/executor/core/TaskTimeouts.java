package dev.executor.core;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The daemon thread that enforces task timeouts of every executor.
 */
final class TaskTimeouts {

	private static final ScheduledThreadPoolExecutor scheduler = createScheduler();

	private TaskTimeouts() {
	}

	private static ScheduledThreadPoolExecutor createScheduler() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "executor-task-timeouts");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

	static ScheduledFuture<?> schedule(Runnable action, Duration timeout) {
		return scheduler.schedule(action, timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

}
