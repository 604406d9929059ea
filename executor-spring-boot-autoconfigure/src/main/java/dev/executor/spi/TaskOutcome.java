package dev.executor.spi;

import java.util.concurrent.CancellationException;

import dev.executor.TaskTimeoutException;

/**
 * How a task ended: what completed its future first.
 *
 * @see TaskListener#taskEnded(dev.executor.FutureProxy, TaskOutcome, long)
 */
public enum TaskOutcome {

	/**
	 * The task returned a result.
	 */
	SUCCESS,

	/**
	 * The task threw an exception, or could not be run.
	 */
	FAILURE,

	/**
	 * The future was cancelled, before or while the task ran.
	 */
	CANCELLED,

	/**
	 * The task was still running at its timeout.
	 */
	TIMEOUT;

	/**
	 * Return the outcome of a future completed with the given exception.
	 * @param exception the exception
	 * @return {@link #CANCELLED}, {@link #TIMEOUT} or {@link #FAILURE}
	 */
	public static TaskOutcome of(Throwable exception) {
		if (exception instanceof CancellationException) {
			return CANCELLED;
		}
		return (exception instanceof TaskTimeoutException) ? TIMEOUT : FAILURE;
	}

}
