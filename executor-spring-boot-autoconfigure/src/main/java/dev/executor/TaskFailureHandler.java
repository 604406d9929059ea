package dev.executor;

/**
 * Handles task failures. Every bean of this type is called, in order, for each failed
 * task of an executor with {@code propagate-exceptions} enabled, and for each failure of
 * a {@code void} {@link Job @Job} method, after the failure was logged. A failure is
 * handed over once; cancellations are not failures.
 * <p>
 * Implemented by applications that alert on or record failures. The same failure is
 * also published as a {@link TaskFailedEvent}, for {@code @EventListener} methods. To
 * react to every outcome instead, use a {@link DoneCallback}.
 */
@FunctionalInterface
public interface TaskFailureHandler {

	/**
	 * Handle a failure.
	 * @param failure the failure
	 */
	void handleFailure(TaskFailedEvent failure);

}
