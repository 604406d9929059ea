package dev.executor.spi;

import dev.executor.FutureProxy;

/**
 * Listens to the tasks of one executor, for example to time or trace them. Created for
 * each executor by a {@link TaskObserver}, which is what libraries and applications
 * implement; the listener is the per-task half of it. The methods are called for every
 * task, on the threads that run them: implementations must be quick and must not throw.
 * Application logic that reacts to a task's end belongs in a
 * {@link dev.executor.DoneCallback} or a {@link dev.executor.TaskFailureHandler}.
 */
public interface TaskListener {

	/**
	 * A listener that does nothing.
	 */
	TaskListener NONE = new TaskListener() {
	};

	/**
	 * Called on the thread that runs a task, right before it runs and with the
	 * submitter's context restored.
	 * @param future the future of the task
	 * @return the scope of the run, closed on the same thread once the task has
	 * completed its future or failed to, still in the submitter's context
	 */
	default Scope taskStarted(FutureProxy<?> future) {
		return Scope.NONE;
	}

	/**
	 * Called once for every task that ends: after it ran, or when its future was
	 * completed, usually cancelled, before it could start.
	 * @param future the future of the task
	 * @param outcome what completed the future
	 * @param durationNanos how long the task ran until its future completed, {@code 0}
	 * if it never started
	 */
	default void taskEnded(FutureProxy<?> future, TaskOutcome outcome, long durationNanos) {
	}

	/**
	 * Return a listener that calls the given listeners in order, and closes their scopes
	 * in reverse order.
	 * @param first the first listener
	 * @param second the second listener
	 * @return the composite listener
	 */
	static TaskListener of(TaskListener first, TaskListener second) {
		if (first == NONE) {
			return second;
		}
		return (second != NONE) ? new CompositeTaskListener(first, second) : first;
	}

	/**
	 * The scope of a task's run.
	 */
	@FunctionalInterface
	interface Scope {

		/**
		 * A scope that does nothing on close.
		 */
		Scope NONE = (outcome) -> {
		};

		/**
		 * Close the scope.
		 * @param outcome what completed the task's future
		 */
		void close(TaskOutcome outcome);

	}

}
