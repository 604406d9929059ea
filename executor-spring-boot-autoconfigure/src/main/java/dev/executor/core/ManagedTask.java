package dev.executor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;

import dev.executor.TaskTimeoutException;
import dev.executor.context.TaskContext;
import dev.executor.spi.TaskListener;
import dev.executor.spi.TaskOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A task on its way through a pool: restores the submitter's context, completes its
 * future, enforces its timeout and interrupts its own thread, and only its own, when it is
 * cancelled.
 *
 * @param <T> the result type
 */
final class ManagedTask<T extends @Nullable Object> implements Runnable {

	private static final int NEW = 0;

	private static final int RUNNING = 1;

	private static final int ENDED = 2;

	private static final int INTERRUPTING = 3;

	private static final int INTERRUPTED = 4;

	private static final VarHandle PHASE;

	static {
		try {
			PHASE = MethodHandles.lookup().findVarHandle(ManagedTask.class, "phase", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final TaskFuture<T> future;

	// dropped once the task has ended, so that a future kept after it finished, stored or
	// not, holds its result only and not what the task captured
	private @Nullable Callable<T> callable;

	private @Nullable TaskContext context;

	private final @Nullable Duration timeout;

	// the retries of the task's future and this attempt's part in them; null when the
	// task has none
	private final @Nullable RetryAttempt attempt;

	private volatile int phase;

	// published by the compare-and-set of phase that follows its write, and read only
	// after a compare-and-set of phase from RUNNING
	private @Nullable Thread runner;

	ManagedTask(TaskFuture<T> future, Callable<T> callable, TaskContext context,
			@Nullable Duration timeout, @Nullable TaskRetry retry) {
		this.future = future;
		this.callable = callable;
		this.context = context;
		this.timeout = timeout;
		this.attempt = (retry != null) ? new RetryAttempt(retry) : null;
	}

	@Nullable TaskRetry retry() {
		return (this.attempt != null) ? this.attempt.retry() : null;
	}

	/**
	 * Create the next attempt of this task, with what it captured at submission, and
	 * make it the one that cancelling the future stops.
	 * @return the next attempt, not started
	 */
	ManagedTask<T> nextAttempt() {
		ManagedTask<T> next = new ManagedTask<>(this.future, Objects.requireNonNull(this.callable),
				Objects.requireNonNull(this.context), this.timeout, retry());
		this.future.reattach(next);
		Objects.requireNonNull(this.attempt).followedByAnother();
		return next;
	}

	TaskFuture<T> future() {
		return this.future;
	}

	/**
	 * Return the throttle's part of this task, before it ended.
	 * @return the throttled body, {@code null} if the task has no throttle
	 */
	@Nullable ThrottledTask<T> throttled() {
		return (this.callable instanceof ThrottledTask<T> throttled) ? throttled : null;
	}

	@Override
	public void run() {
		Object entry = executor().taskEntered(this);
		this.runner = Thread.currentThread();
		if (!start()) {
			this.runner = null;
			executor().taskExited(this, entry);
			return;
		}
		ScheduledFuture<?> timer = (this.timeout != null) ? TaskTimeouts.schedule(this::timedOut, this.timeout) : null;
		try (TaskContext.Scope scope = Objects.requireNonNull(this.context).restore()) {
			callObserved(Objects.requireNonNull(this.callable));
		}
		catch (Throwable ex) {
			executor().taskFailed(this.future, ex);
		}
		finally {
			if (timer != null) {
				timer.cancel(false);
			}
			endRun();
			this.runner = null;
			release();
			if (this.attempt != null && this.attempt.isFollowedByAnother()) {
				executor().taskExited(this, entry);
			}
			else {
				executor().taskRan(this, entry);
			}
		}
	}

	private boolean start() {
		if (!this.future.isDone() && PHASE.compareAndSet(this, NEW, RUNNING)) {
			this.future.markStarted();
			if (this.attempt != null) {
				this.attempt.retry().attemptStarted();
			}
			return true;
		}
		// completed from outside before it could start, other than by cancel
		if (PHASE.compareAndSet(this, NEW, ENDED)) {
			dequeue();
		}
		return false;
	}

	// only the thread that moved the task to ENDED before it ran
	private void dequeue() {
		ThrottledTask<T> throttled = throttled();
		release();
		if (throttled != null) {
			throttled.dequeued();
		}
		executor().taskDequeued(this);
	}

	// only the thread that moved the task to ENDED
	private void release() {
		this.callable = null;
		this.context = null;
		this.future.detach(this);
	}

	private void callObserved(Callable<T> callable) {
		TaskListener.Scope observation = executor().taskListener().taskStarted(this.future);
		TaskOutcome retried = null;
		try {
			T result = callable.call();
			if (ownsEnd()) {
				this.future.complete(result);
			}
			else {
				retried = failed(Objects.requireNonNull(this.attempt).timedOutWith());
			}
		}
		catch (Throwable ex) {
			retried = failed(ownsEnd() ? ex : Objects.requireNonNull(this.attempt).timedOutWith());
		}
		finally {
			observation.close((retried != null) ? retried : this.future.outcome());
		}
	}

	// whether the attempt itself, not its timeout, decides how it ended
	private boolean ownsEnd() {
		return this.attempt == null || this.attempt.end();
	}

	// the outcome of this attempt if another one follows, null if the future failed
	private @Nullable TaskOutcome failed(Throwable ex) {
		TaskRetry retry = retry();
		if (retry == null) {
			executor().taskFailed(this.future, ex);
			return null;
		}
		// noted before the next attempt is scheduled, which may fail before this returns
		retry.attemptFailed(ex);
		if (executor().retryLater(this, ex)) {
			return TaskOutcome.of(ex);
		}
		executor().taskFailed(this.future, retry.lastFailure(ex));
		return null;
	}

	private void endRun() {
		while (true) {
			int current = this.phase;
			if (current == RUNNING && PHASE.compareAndSet(this, RUNNING, ENDED)) {
				return;
			}
			if (current == INTERRUPTED) {
				this.phase = ENDED;
				// the interrupt was meant for this task only, not for the pooled thread
				Thread.interrupted();
				return;
			}
			Thread.onSpinWait();
		}
	}

	boolean isQueued() {
		return this.phase == NEW;
	}

	boolean isRunning() {
		int current = this.phase;
		return current == RUNNING || current == INTERRUPTING || current == INTERRUPTED;
	}

	void cancelled(boolean mayInterruptIfRunning) {
		if (PHASE.compareAndSet(this, NEW, ENDED)) {
			dequeue();
		}
		else if (mayInterruptIfRunning) {
			interrupt();
		}
	}

	private void interrupt() {
		if (PHASE.compareAndSet(this, RUNNING, INTERRUPTING)) {
			Thread thread = this.runner;
			if (thread != null) {
				thread.interrupt();
			}
			this.phase = INTERRUPTED;
		}
	}

	private void timedOut() {
		Duration timeout = this.timeout;
		if (timeout == null) {
			return;
		}
		TaskTimeoutException failure = new TaskTimeoutException(executor().name(), this.future.key().orElse(null),
				timeout);
		RetryAttempt attempt = this.attempt;
		if (attempt != null) {
			// the attempt decides, once interrupted, whether the timeout is retried
			attempt.timedOut(failure);
			if (attempt.end()) {
				interrupt();
			}
			return;
		}
		if (this.future.completeExceptionally(failure)) {
			interrupt();
			executor().reportFailure(this.future, failure);
		}
	}

	private DelegatingManagedExecutor executor() {
		return this.future.executor();
	}

}
