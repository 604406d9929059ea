package dev.executor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import dev.executor.spi.TaskOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The {@link FutureProxy} of a task on a {@link DelegatingManagedExecutor}, or of a stage
 * that depends on one. Cancelling it stops its task; done callbacks run with the context
 * of the thread that added them. The future of a task knows when the task was submitted,
 * started and finished.
 *
 * @param <T> the result type
 */
final class TaskFuture<T extends @Nullable Object> extends FutureProxy<T> {

	// the default value, so that creating a future writes no volatile field
	private static final long NOT_YET = 0;

	private static final TaskOutcome[] OUTCOMES = TaskOutcome.values();

	private static final VarHandle STARTED;

	private static final VarHandle FINISH;

	private static final VarHandle ATTEMPTS;

	static {
		try {
			STARTED = MethodHandles.lookup().findVarHandle(TaskFuture.class, "started", long.class);
			FINISH = MethodHandles.lookup().findVarHandle(TaskFuture.class, "finish", long.class);
			ATTEMPTS = MethodHandles.lookup().findVarHandle(TaskFuture.class, "attempts", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	// the task while it may still run or be cancelled; dropped once it has ended, so that
	// a future kept afterwards holds no more than it needs
	private @Nullable ManagedTask<T> task;

	private long submittedNanos;

	// one more than the nanoseconds from submission to start
	private volatile long started;

	// one more than the nanoseconds from submission to completion, shifted left by two,
	// or'ed with the outcome's ordinal: one compare-and-set decides who completes the
	// future, when and how
	private volatile long finish;

	// one more than the attempts started; 0 for the future of a dependent stage, which
	// has no task
	private volatile int attempts;

	TaskFuture(DelegatingManagedExecutor executor) {
		super(executor.name(), executor);
	}

	DelegatingManagedExecutor executor() {
		return (DelegatingManagedExecutor) defaultExecutor();
	}

	void attach(ManagedTask<T> task) {
		this.task = task;
		// before the future is published: no fence needed
		ATTEMPTS.set(this, 1);
		this.submittedNanos = System.nanoTime();
	}

	private boolean isOfTask() {
		return this.attempts != 0;
	}

	// the next attempt of a task that is retried, which cancel then stops
	void reattach(ManagedTask<T> task) {
		this.task = task;
	}

	void detach(ManagedTask<T> task) {
		if (this.task == task) {
			this.task = null;
		}
	}

	void markStarted() {
		// one attempt starts at a time, each after the previous one ended, so this thread
		// is the only writer and needs no atomic increment
		ATTEMPTS.setRelease(this, this.attempts + 1);
		// read after the task's phase, which was set with a full fence just before
		STARTED.setRelease(this, System.nanoTime() - this.submittedNanos + 1);
	}

	@Override
	public int attempts() {
		int attempts = this.attempts;
		return (attempts != 0) ? attempts - 1 : super.attempts();
	}

	@Override
	public Optional<Throwable> lastFailure() {
		ManagedTask<T> task = this.task;
		TaskRetry retry = (task != null) ? task.retry() : null;
		Throwable failed = (retry != null) ? retry.lastAttemptFailure() : null;
		return (failed != null && !isDone()) ? Optional.of(failed) : failure();
	}

	private long startedAfter() {
		long started = this.started;
		return (started != NOT_YET) ? started - 1 : -1;
	}

	private long finishedAfter() {
		long finish = this.finish;
		return (finish != NOT_YET) ? (finish >> 2) - 1 : -1;
	}

	@Override
	public boolean complete(T value) {
		return finish(TaskOutcome.SUCCESS) && super.complete(value);
	}

	@Override
	public boolean completeExceptionally(Throwable ex) {
		return finish(TaskOutcome.of(ex)) && super.completeExceptionally(ex);
	}

	private boolean finish(TaskOutcome outcome) {
		if (!isOfTask()) {
			return true;
		}
		if (this.finish != NOT_YET) {
			return false;
		}
		long after = System.nanoTime() - this.submittedNanos;
		return FINISH.compareAndSet(this, NOT_YET, ((after + 1) << 2) | outcome.ordinal());
	}

	/**
	 * Return what completed this future. Only for futures that are done.
	 * @return the outcome
	 */
	TaskOutcome outcome() {
		long finish = this.finish;
		if (finish != NOT_YET) {
			return OUTCOMES[(int) (finish & 3)];
		}
		if (isCancelled()) {
			return TaskOutcome.CANCELLED;
		}
		return isCompletedExceptionally() ? TaskOutcome.FAILURE : TaskOutcome.SUCCESS;
	}

	/**
	 * Return how long the task ran until this future was completed.
	 * @return the run time in nanoseconds, {@code 0} if the task never started
	 */
	long runNanos() {
		long started = startedAfter();
		long finished = finishedAfter();
		return (started != -1 && finished != -1) ? Math.max(0, finished - started) : 0;
	}

	@Override
	public Optional<Instant> submitted() {
		return isOfTask() ? Optional.of(WallClock.instant(this.submittedNanos)) : Optional.empty();
	}

	@Override
	public Optional<Instant> started() {
		return afterSubmission(startedAfter());
	}

	@Override
	public Optional<Instant> finished() {
		return afterSubmission(finishedAfter());
	}

	private Optional<Instant> afterSubmission(long nanos) {
		if (!isOfTask() || nanos == -1) {
			return Optional.empty();
		}
		return Optional.of(WallClock.instant(this.submittedNanos + nanos));
	}

	@Override
	public Optional<Duration> duration() {
		long started = startedAfter();
		if (!isOfTask() || started == -1) {
			return Optional.empty();
		}
		long finished = finishedAfter();
		long end = (finished != -1) ? finished : System.nanoTime() - this.submittedNanos;
		return Optional.of(Duration.ofNanos(Math.max(0, end - started)));
	}

	@Override
	public <U extends @Nullable Object> TaskFuture<U> newIncompleteFuture() {
		return new TaskFuture<>(executor());
	}

	@Override
	protected Runnable wrapCallback(Runnable invocation) {
		return inContext(executor().captureContext(), invocation);
	}

	void addDoneCallbacks(List<Consumer<? super FutureProxy<?>>> callbacks, TaskContext context) {
		Runnable invocation = inContext(context,
				() -> callbacks.forEach((callback) -> invokeCallback(() -> callback.accept(this))));
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
	public <U extends @Nullable Object> FutureProxy<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
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
	public <U extends @Nullable Object, V extends @Nullable Object> FutureProxy<V> thenCombineAsync(
			CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
		return onThisExecutor((executor) -> super.thenCombineAsync(other, fn, executor));
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<Void> thenAcceptBothAsync(CompletionStage<? extends U> other,
			BiConsumer<? super T, ? super U> action) {
		return onThisExecutor((executor) -> super.thenAcceptBothAsync(other, action, executor));
	}

	@Override
	public FutureProxy<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action) {
		return onThisExecutor((executor) -> super.runAfterBothAsync(other, action, executor));
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> applyToEitherAsync(CompletionStage<? extends T> other,
			Function<? super T, U> fn) {
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
	public <U extends @Nullable Object> FutureProxy<U> thenComposeAsync(
			Function<? super T, ? extends CompletionStage<U>> fn) {
		return onThisExecutor((executor) -> super.thenComposeAsync(fn, executor));
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
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
	private <U extends @Nullable Object> FutureProxy<U> onThisExecutor(
			Function<Executor, CompletableFuture<U>> stageFactory) {
		StageExecutor stageExecutor = new StageExecutor(executor());
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
