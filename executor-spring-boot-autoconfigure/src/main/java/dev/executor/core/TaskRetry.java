package dev.executor.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The retries of one task: which failures its policy retries, how long each back-off
 * lasts, and the failures of the attempts so far. One attempt runs at a time, so the
 * state is only ever used by one thread at a time.
 * <p>
 * Back-offs are waited out on one daemon thread shared by every executor, which hands
 * the next attempt back to its executor: no worker waits.
 */
final class TaskRetry {

	private static final ScheduledThreadPoolExecutor scheduler = createScheduler();

	private final RetryPolicy policy;

	private @Nullable BackOffExecution backOff;

	private final List<Throwable> failures = new ArrayList<>();

	// when the first attempt started, for the policy's timeout of all attempts together
	private long firstStart;

	private boolean started;

	// read by anyone who asks why the task waits for its next attempt
	private volatile @Nullable Throwable lastAttemptFailure;

	TaskRetry(RetryPolicy policy) {
		this.policy = policy;
	}

	private static ScheduledThreadPoolExecutor createScheduler() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "executor-task-retries");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

	static void schedule(Runnable action, long delayMillis) {
		scheduler.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Log, once, that an attempt failed and that another one follows.
	 * @param future the future of the task
	 * @param failure what the attempt failed with
	 * @param maxAttempts the number of attempts the policy allows, {@code -1} if not
	 * known
	 * @param delayMillis the back-off before the next attempt
	 */
	static void logRetry(FutureProxy<?> future, Throwable failure, long maxAttempts, long delayMillis) {
		Log logger = LogFactory.getLog(TaskFailureReporter.LOGGER_PREFIX + future.executorName());
		if (logger.isWarnEnabled()) {
			String of = (maxAttempts > 0) ? " of " + maxAttempts : "";
			logger.warn("Task" + future.key().map((key) -> " '" + key + "'").orElse("") + " on executor '"
					+ future.executorName() + "' failed on attempt " + future.attempts() + of + ", retrying in "
					+ delayMillis + "ms: " + failure);
		}
	}

	/**
	 * Note the failure of an attempt, before deciding whether another follows.
	 * @param failure what the attempt failed with
	 */
	void attemptFailed(Throwable failure) {
		this.lastAttemptFailure = failure;
	}

	@Nullable Throwable lastAttemptFailure() {
		return this.lastAttemptFailure;
	}

	/**
	 * Note that an attempt starts.
	 */
	void attemptStarted() {
		if (!this.started) {
			this.firstStart = System.nanoTime();
			this.started = true;
		}
	}

	/**
	 * Decide whether the attempt that failed with the given exception is retried.
	 * @param failure what the attempt failed with
	 * @return the delay before the next attempt in milliseconds, or {@code -1} if the
	 * task fails
	 */
	long nextDelay(Throwable failure) {
		if (!this.policy.shouldRetry(failure)) {
			return -1;
		}
		if (this.backOff == null) {
			this.backOff = this.policy.getBackOff().start();
		}
		long delay = this.backOff.nextBackOff();
		if (delay == BackOffExecution.STOP || pastTimeout(delay)) {
			return -1;
		}
		this.failures.add(failure);
		return delay;
	}

	// like RetryTemplate: no attempt starts once the next one would begin after the
	// policy's timeout, counted from the start of the first
	private boolean pastTimeout(long delayMillis) {
		Duration timeout = this.policy.getTimeout();
		if (timeout.isZero() || timeout.isNegative()) {
			return false;
		}
		long elapsed = System.nanoTime() - this.firstStart;
		return elapsed + TimeUnit.MILLISECONDS.toNanos(delayMillis) > timeout.toNanos();
	}

	/**
	 * Return the exception the task fails with: the last attempt's, with the earlier
	 * attempts' failures suppressed in it.
	 * @param last the last attempt's failure
	 * @return the failure of the task
	 */
	Throwable lastFailure(Throwable last) {
		for (Throwable earlier : this.failures) {
			if (earlier != last) {
				last.addSuppressed(earlier);
			}
		}
		this.failures.clear();
		return last;
	}

	/**
	 * Return the number of attempts the policy allows, when its back-off says so.
	 * @return the number of attempts, or {@code -1} if not known
	 */
	long maxAttempts() {
		BackOff backOff = this.policy.getBackOff();
		long retries = -1;
		if (backOff instanceof ExponentialBackOff exponential) {
			retries = exponential.getMaxAttempts();
		}
		else if (backOff instanceof FixedBackOff fixed) {
			retries = fixed.getMaxAttempts();
		}
		return (retries >= 0 && retries < Long.MAX_VALUE) ? retries + 1 : -1;
	}

}
