package dev.executor.core;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

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
	public <U> FutureProxy<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
		return onThisExecutor((executor) -> super.thenApplyAsync(fn, executor));
	}

	@Override
	public FutureProxy<Void> thenAcceptAsync(Consumer<? super T> action) {
		return onThisExecutor((executor) -> super.thenAcceptAsync(action, executor));
	}

	@Override
	public FutureProxy<Void> thenRunAsync(Runnable action) {
		return onThisExecutor((executor) -> super.thenRunAsync(action, executor));
	}

	@Override
	public <U, V> FutureProxy<V> thenCombineAsync(CompletionStage<? extends U> other,
			BiFunction<? super T, ? super U, ? extends V> fn) {
		return onThisExecutor((executor) -> super.thenCombineAsync(other, fn, executor));
	}

	@Override
	public <U> FutureProxy<Void> thenAcceptBothAsync(CompletionStage<? extends U> other,
			BiConsumer<? super T, ? super U> action) {
		return onThisExecutor((executor) -> super.thenAcceptBothAsync(other, action, executor));
	}

	@Override
	public FutureProxy<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action) {
		return onThisExecutor((executor) -> super.runAfterBothAsync(other, action, executor));
	}

	@Override
	public <U> FutureProxy<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn) {
		return onThisExecutor((executor) -> super.applyToEitherAsync(other, fn, executor));
	}

	@Override
	public FutureProxy<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action) {
		return onThisExecutor((executor) -> super.acceptEitherAsync(other, action, executor));
	}

	@Override
	public FutureProxy<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action) {
		return onThisExecutor((executor) -> super.runAfterEitherAsync(other, action, executor));
	}

	@Override
	public <U> FutureProxy<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn) {
		return onThisExecutor((executor) -> super.thenComposeAsync(fn, executor));
	}

	@Override
	public <U> FutureProxy<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
		return onThisExecutor((executor) -> super.handleAsync(fn, executor));
	}

	@Override
	public FutureProxy<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
		return onThisExecutor((executor) -> super.whenCompleteAsync(action, executor));
	}

	@Override
	public FutureProxy<T> exceptionallyAsync(Function<Throwable, ? extends T> fn) {
		return onThisExecutor((executor) -> super.exceptionallyAsync(fn, executor));
	}

	@Override
	public FutureProxy<T> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<T>> fn) {
		return onThisExecutor((executor) -> super.exceptionallyComposeAsync(fn, executor));
	}

	@Override
	public FutureProxy<T> completeAsync(Supplier<? extends T> supplier) {
		return onThisExecutor((executor) -> super.completeAsync(supplier, executor));
	}

	/**
	 * Create an async stage that runs on this future's executor. CompletableFuture hands
	 * the executor only the stage's completion, not the stage, so a completion dropped at
	 * shutdown would leave the stage pending forever; the stage executor cancels it
	 * instead.
	 */
	@SuppressWarnings("unchecked")
	private <U> FutureProxy<U> onThisExecutor(Function<Executor, CompletableFuture<U>> stageFactory) {
		StageExecutor stageExecutor = new StageExecutor(this.executor);
		FutureProxy<U> stage = (FutureProxy<U>) stageFactory.apply(stageExecutor);
		stageExecutor.bind(stage);
		return stage;
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

	/**
	 * Runs the completion of one async stage on the executor and cancels the stage if the
	 * executor cancels the completion's task, which it does to tasks left at shutdown.
	 * The completion may be handed over before or after the stage is known.
	 */
	private static final class StageExecutor implements Executor {

		private final DelegatingManagedExecutor executor;

		private final AtomicInteger parts = new AtomicInteger();

		private volatile @Nullable FutureProxy<?> completion;

		private volatile @Nullable CompletableFuture<?> stage;

		StageExecutor(DelegatingManagedExecutor executor) {
			this.executor = executor;
		}

		@Override
		public void execute(Runnable command) {
			this.completion = this.executor.executeStage(command);
			linkOnceBothAreKnown();
		}

		void bind(CompletableFuture<?> stage) {
			this.stage = stage;
			linkOnceBothAreKnown();
		}

		private void linkOnceBothAreKnown() {
			if (this.parts.incrementAndGet() < 2) {
				return;
			}
			FutureProxy<?> completion = this.completion;
			CompletableFuture<?> stage = this.stage;
			if (completion != null && stage != null) {
				completion.whenComplete((result, ex) -> {
					if (completion.isCancelled()) {
						stage.cancel(false);
					}
				});
			}
		}

	}

}
