package dev.executor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

import dev.executor.TaskTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt of a task with a retry policy knows of itself: whether the attempt or
 * its timeout decided how it ended, and whether another attempt follows it. Tasks
 * without retries have none, so that they carry nothing of it.
 */
final class RetryAttempt {

	private static final VarHandle ENDED;

	static {
		try {
			ENDED = MethodHandles.lookup().findVarHandle(RetryAttempt.class, "ended", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final TaskRetry retry;

	// the attempt and its timeout race to decide how the attempt ended
	private volatile boolean ended;

	private volatile @Nullable TaskTimeoutException timedOutWith;

	private boolean retriedLater;

	RetryAttempt(TaskRetry retry) {
		this.retry = retry;
	}

	TaskRetry retry() {
		return this.retry;
	}

	/**
	 * Claim the end of the attempt, for the attempt itself or for its timeout.
	 * @return whether the caller decides how the attempt ended
	 */
	boolean end() {
		return ENDED.compareAndSet(this, false, true);
	}

	void timedOut(TaskTimeoutException failure) {
		this.timedOutWith = failure;
	}

	TaskTimeoutException timedOutWith() {
		return Objects.requireNonNull(this.timedOutWith);
	}

	void followedByAnother() {
		this.retriedLater = true;
	}

	boolean isFollowedByAnother() {
		return this.retriedLater;
	}

}
