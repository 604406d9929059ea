package dev.executor.core;

import java.util.function.Consumer;

import dev.executor.FutureProxy;

/**
 * The next attempts of one executor's failed tasks while they wait out their back-off.
 * The executor asks here whether a failure is retried; each next attempt is handed back
 * to it once its delay has passed, unless the future ended or the executor shut down in
 * between, so that no worker waits and every future still ends.
 */
final class TaskRetries {

	private final WaitingTasks waiting;

	private final Consumer<ManagedTask<?>> requeue;

	/**
	 * Create the retries of an executor.
	 * @param waiting where the attempts wait out their back-off
	 * @param requeue hands an attempt whose back-off has passed to the executor's pool
	 */
	TaskRetries(WaitingTasks waiting, Consumer<ManagedTask<?>> requeue) {
		this.waiting = waiting;
		this.requeue = requeue;
	}

	/**
	 * Schedule the next attempt of a failed task, if its policy retries the failure and
	 * the executor still runs.
	 * @param task the attempt that failed
	 * @param failure what it failed with
	 * @return whether another attempt follows
	 */
	boolean retryLater(ManagedTask<?> task, Throwable failure) {
		TaskRetry retry = task.retry();
		long delay = (retry != null && !this.waiting.isClosed() && !task.future().isDone()) ? retry.nextDelay(failure) : -1;
		if (retry == null || delay < 0) {
			return false;
		}
		FutureProxy<?> future = task.future();
		ManagedTask<?> next = task.nextAttempt();
		TaskRetry.logRetry(future, failure, retry.maxAttempts(), delay);
		if (delay == 0) {
			// nothing to wait out: straight back to the pool, without the scheduler's hop
			this.requeue.accept(next);
			return true;
		}
		if (this.waiting.add(next)) {
			TaskRetry.schedule(() -> {
				if (this.waiting.remove(next)) {
					this.requeue.accept(next);
				}
			}, delay);
		}
		return true;
	}

}
