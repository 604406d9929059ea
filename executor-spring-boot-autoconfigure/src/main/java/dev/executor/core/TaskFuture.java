package dev.executor.core;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import dev.executor.FutureProxy;
import dev.executor.context.TaskContext;
import org.jspecify.annotations.Nullable;

/**
 * The {@link FutureProxy} of a task on a {@link DelegatingManagedExecutor}, or of a stage
 * that depends on one. Cancelling it stops its task; done callbacks run with the context
 * of the thread that added them.
 *
 * @param <T> the result type
 */
final class TaskFuture<T> extends FutureProxy<T> {

	private final DelegatingManagedExecutor executor;

	private @Nullable ManagedTask<T> task;

	TaskFuture(DelegatingManagedExecutor executor) {
		super(executor.name(), executor);
		this.executor = executor;
	}

	void attach(ManagedTask<T> task) {
		this.task = task;
	}

	@Override
	public <U> TaskFuture<U> newIncompleteFuture() {
		return new TaskFuture<>(this.executor);
	}

	@Override
	protected Runnable wrapCallback(Runnable invocation) {
		return inContext(this.executor.captureContext(), invocation);
	}

	void addDoneCallbacks(List<Consumer<? super FutureProxy<?>>> callbacks, TaskContext context) {
		Runnable invocation = inContext(context, () -> callbacks.forEach((callback) -> invokeCallback(() -> callback.accept(this))));
		super.whenComplete((result, ex) -> invocation.run());
	}

	private static Runnable inContext(TaskContext context, Runnable invocation) {
		return () -> {
			try (TaskContext.Scope scope = context.restore()) {
				invocation.run();
			}
		};
	}

	@Override
	protected boolean isRunning() {
		ManagedTask<T> task = this.task;
		return task != null && task.isRunning();
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		// CompletableFuture.cancel also answers true when the future was cancelled before,
		// so only the call that cancels it may dequeue or interrupt the task
		if (!completeExceptionally(new CancellationException())) {
			return isCancelled();
		}
		ManagedTask<T> task = this.task;
		if (task != null) {
			task.cancelled(mayInterruptIfRunning);
		}
		return true;
	}

}
