package dev.executor;

/**
 * The lifecycle state of a {@link FutureProxy}.
 *
 * @see FutureProxy#state()
 */
public enum FutureState {

	/**
	 * Submitted and waiting in the executor's queue.
	 */
	PENDING,

	/**
	 * Running on a worker.
	 */
	RUNNING,

	/**
	 * Cancelled before it could finish.
	 */
	CANCELLED,

	/**
	 * Completed with a result.
	 */
	FINISHED,

	/**
	 * Completed with an exception, including a timeout.
	 */
	FAILED;

	/**
	 * Whether this state is final.
	 * @return {@code true} for {@link #CANCELLED}, {@link #FINISHED} and {@link #FAILED}
	 */
	public boolean isDone() {
		return this == CANCELLED || this == FINISHED || this == FAILED;
	}

}
