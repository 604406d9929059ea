package dev.executor.spi;

import dev.executor.FutureProxy;

/**
 * Two {@link TaskListener listeners} as one. Allocates nothing per task unless both open a
 * scope.
 */
final class CompositeTaskListener implements TaskListener {

	private final TaskListener first;

	private final TaskListener second;

	CompositeTaskListener(TaskListener first, TaskListener second) {
		this.first = first;
		this.second = second;
	}

	@Override
	public Scope taskStarted(FutureProxy<?> future) {
		Scope outer = this.first.taskStarted(future);
		Scope inner = this.second.taskStarted(future);
		if (outer == Scope.NONE) {
			return inner;
		}
		if (inner == Scope.NONE) {
			return outer;
		}
		return (outcome) -> {
			inner.close(outcome);
			outer.close(outcome);
		};
	}

	@Override
	public void taskEnded(FutureProxy<?> future, TaskOutcome outcome, long durationNanos) {
		this.first.taskEnded(future, outcome, durationNanos);
		this.second.taskEnded(future, outcome, durationNanos);
	}

}
