package dev.executor;

/**
 * Handles task failures. Every bean of this type is called, in order, for each failed
 * task of an executor with {@code propagate-exceptions} enabled, after the failure was
 * logged. A failure is handed over once.
 */
@FunctionalInterface
public interface TaskFailureHandler {

	/**
	 * Handle a failure.
	 * @param failure the failure
	 */
	void handleFailure(TaskFailedEvent failure);

}
