package dev.executor.jdbc;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs a store's polls and heartbeats on a daemon thread of its own. A failure, such as
 * a database that cannot be reached, is logged once until a run succeeds again, and the
 * next run tries again.
 */
final class StorePoller implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(StorePoller.class);

	private final ScheduledExecutorService scheduler;

	private volatile boolean failing;

	StorePoller(String threadName, Runnable poll, Duration pollInterval, Runnable heartbeat,
			Duration heartbeatInterval) {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
		schedule(poll, pollInterval);
		schedule(heartbeat, heartbeatInterval);
	}

	private void schedule(Runnable task, Duration interval) {
		long millis = interval.toMillis();
		this.scheduler.scheduleWithFixedDelay(() -> runLogged(task), millis, millis, TimeUnit.MILLISECONDS);
	}

	private void runLogged(Runnable task) {
		try {
			task.run();
			this.failing = false;
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				logger.warn("Reading or writing stored futures in the database failed; trying again", ex);
			}
			this.failing = true;
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
