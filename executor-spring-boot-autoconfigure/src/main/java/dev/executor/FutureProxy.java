package dev.executor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The future of a task submitted to a {@link ManagedExecutor}: a
 * {@link CompletableFuture} that knows its executor, its {@link #state() state} and the
 * {@link #key() key} it is stored under. Dependent stages are {@code FutureProxy} too,
 * and their async variants run on the same executor by default.
 * <p>
 * Equality and hashing are identity based, so futures can be kept in sets and maps.
 * <p>
 * Futures are created by executors and stores, never by application code: the
 * constructor and the hooks are for their subclasses.
 *
 * @param <T> the result type
 */
public class FutureProxy<T extends @Nullable Object> extends CompletableFuture<T> {

	private static final Log logger = LogFactory.getLog(FutureProxy.class);

	private final String executorName;

	private final Executor defaultExecutor;

	private volatile @Nullable String key;

	/**
	 * Create a new incomplete future.
	 * @param executorName the name of the executor the future belongs to
	 * @param defaultExecutor the executor that runs async dependent stages
	 */
	protected FutureProxy(String executorName, Executor defaultExecutor) {
		this.executorName = executorName;
		this.defaultExecutor = defaultExecutor;
	}

	/**
	 * Run the given callback once this future is done: at once in the calling thread if it
	 * is already done, otherwise in the thread that completes it. An exception thrown by
	 * the callback is logged and affects neither this future nor other callbacks. To run
	 * a callback for every future of an executor, declare a {@link DoneCallback} bean.
	 * @param callback the callback, given this future
	 * @return this future
	 */
	public FutureProxy<T> addDoneCallback(Consumer<? super FutureProxy<T>> callback) {
		Runnable invocation = wrapCallback(() -> invokeCallback(() -> callback.accept(this)));
		super.whenComplete((result, ex) -> invocation.run());
		return this;
	}

	/**
	 * Wrap the invocation of a done callback, for example to restore the context of the
	 * thread that added it. The default implementation returns the invocation unchanged.
	 * @param invocation the invocation of the callback
	 * @return the invocation to run when this future is done
	 */
	protected Runnable wrapCallback(Runnable invocation) {
		return invocation;
	}

	/**
	 * Invoke a done callback, logging what it throws.
	 * @param invocation the invocation of the callback
	 */
	protected final void invokeCallback(Runnable invocation) {
		try {
			invocation.run();
		}
		catch (Throwable ex) {
			logger.error("Done callback of a task on executor '" + this.executorName + "'"
					+ key().map((k) -> " with key '" + k + "'").orElse("") + " failed", ex);
		}
	}

	/**
	 * Return the current state of this future.
	 * @return the state
	 */
	public FutureState state() {
		if (!isDone()) {
			return isRunning() ? FutureState.RUNNING : FutureState.PENDING;
		}
		if (isCancelled()) {
			return FutureState.CANCELLED;
		}
		return isCompletedExceptionally() ? FutureState.FAILED : FutureState.FINISHED;
	}

	/**
	 * Return the exception that failed this future, as its task threw it.
	 * @return the exception, empty unless this future {@link FutureState#FAILED failed}
	 * (a cancelled future did not fail)
	 */
	public Optional<Throwable> failure() {
		if (!isCompletedExceptionally() || isCancelled()) {
			return Optional.empty();
		}
		try {
			join();
			return Optional.empty();
		}
		catch (CompletionException ex) {
			return Optional.of((ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (CancellationException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Return the exception of the last failed attempt of this future's task: while it
	 * waits for its next attempt, that attempt's; otherwise {@link #failure()}.
	 * @return the exception, empty if no attempt failed or the future ended otherwise
	 * @since 0.1.0
	 */
	public Optional<Throwable> lastFailure() {
		return failure();
	}

	/**
	 * Whether the task behind this future is running. The default implementation, for
	 * futures without a task, returns {@code false}.
	 * @return whether the task is running
	 */
	protected boolean isRunning() {
		return false;
	}

	/**
	 * Return when the task behind this future was submitted. The default implementation,
	 * for futures without a task, returns empty.
	 * @return the time of submission, or empty
	 */
	public Optional<Instant> submitted() {
		return Optional.empty();
	}

	/**
	 * Return when the task behind this future started to run. The default
	 * implementation, for futures without a task, returns empty.
	 * @return the time the task started, or empty if it has not started
	 */
	public Optional<Instant> started() {
		return Optional.empty();
	}

	/**
	 * Return when the task behind this future was completed: done, failed or cancelled.
	 * The default implementation, for futures without a task, returns empty.
	 * @return the time the future was completed, or empty if it is not done
	 */
	public Optional<Instant> finished() {
		return Optional.empty();
	}

	/**
	 * Return how long the task behind this future ran: from its start until its future
	 * was completed, or until now while it runs. The default implementation, for futures
	 * without a task, returns empty.
	 * @return the run time, or empty if the task has not started
	 */
	public Optional<Duration> duration() {
		return Optional.empty();
	}

	/**
	 * Return the number of attempts of the task behind this future that have started so
	 * far: {@code 1} once it started, {@code 0} before, and for futures without a task.
	 * Executors that retry failed attempts count each one.
	 * @return the number of attempts started
	 */
	public int attempts() {
		return started().isPresent() ? 1 : 0;
	}

	/**
	 * Return the key this future is stored under.
	 * @return the key, or empty if the future is not stored
	 */
	public Optional<String> key() {
		return Optional.ofNullable(this.key);
	}

	/**
	 * Record the key this future is stored under. Called by {@link StoredFutures}
	 * implementations when the future is stored, not by application code; a future has at
	 * most one key.
	 * @param key the key
	 * @return this future
	 * @throws IllegalStateException if the future is already stored under another key
	 */
	public FutureProxy<T> bindKey(String key) {
		synchronized (this) {
			String current = this.key;
			if (current != null && !current.equals(key)) {
				throw new IllegalStateException(
						"Future is already stored under the key '" + current + "', not '" + key + "'");
			}
			this.key = key;
		}
		return this;
	}

	/**
	 * Return the name of the executor this future belongs to.
	 * @return the executor name
	 */
	public String executorName() {
		return this.executorName;
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> newIncompleteFuture() {
		return new FutureProxy<>(this.executorName, this.defaultExecutor);
	}

	@Override
	public Executor defaultExecutor() {
		return this.defaultExecutor;
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> thenApply(Function<? super T, ? extends U> fn) {
		return (FutureProxy<U>) super.thenApply(fn);
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
		return (FutureProxy<U>) super.thenApplyAsync(fn);
	}

	@Override
	public FutureProxy<Void> thenAccept(Consumer<? super T> action) {
		return (FutureProxy<Void>) super.thenAccept(action);
	}

	@Override
	public FutureProxy<Void> thenAcceptAsync(Consumer<? super T> action) {
		return (FutureProxy<Void>) super.thenAcceptAsync(action);
	}

	@Override
	public FutureProxy<Void> thenRun(Runnable action) {
		return (FutureProxy<Void>) super.thenRun(action);
	}

	@Override
	public FutureProxy<Void> thenRunAsync(Runnable action) {
		return (FutureProxy<Void>) super.thenRunAsync(action);
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> thenCompose(
			Function<? super T, ? extends CompletionStage<U>> fn) {
		return (FutureProxy<U>) super.thenCompose(fn);
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> thenComposeAsync(
			Function<? super T, ? extends CompletionStage<U>> fn) {
		return (FutureProxy<U>) super.thenComposeAsync(fn);
	}

	@Override
	public <U extends @Nullable Object, V extends @Nullable Object> FutureProxy<V> thenCombine(
			CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
		return (FutureProxy<V>) super.thenCombine(other, fn);
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
		return (FutureProxy<U>) super.handle(fn);
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
		return (FutureProxy<U>) super.handleAsync(fn);
	}

	@Override
	public FutureProxy<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
		return (FutureProxy<T>) super.whenComplete(action);
	}

	@Override
	public FutureProxy<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
		return (FutureProxy<T>) super.whenCompleteAsync(action);
	}

	@Override
	public FutureProxy<T> exceptionally(Function<Throwable, ? extends T> fn) {
		return (FutureProxy<T>) super.exceptionally(fn);
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> applyToEither(CompletionStage<? extends T> other,
			Function<? super T, U> fn) {
		return ofThisExecutor(super.applyToEither(other, fn));
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> applyToEitherAsync(CompletionStage<? extends T> other,
			Function<? super T, U> fn) {
		return ofThisExecutor(super.applyToEitherAsync(other, fn));
	}

	@Override
	public <U extends @Nullable Object> FutureProxy<U> applyToEitherAsync(CompletionStage<? extends T> other,
			Function<? super T, U> fn,
			Executor executor) {
		return ofThisExecutor(super.applyToEitherAsync(other, fn, executor));
	}

	@Override
	public FutureProxy<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action) {
		return ofThisExecutor(super.acceptEither(other, action));
	}

	@Override
	public FutureProxy<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action) {
		return ofThisExecutor(super.acceptEitherAsync(other, action));
	}

	@Override
	public FutureProxy<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action,
			Executor executor) {
		return ofThisExecutor(super.acceptEitherAsync(other, action, executor));
	}

	@Override
	public FutureProxy<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
		return ofThisExecutor(super.runAfterEither(other, action));
	}

	@Override
	public FutureProxy<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action) {
		return ofThisExecutor(super.runAfterEitherAsync(other, action));
	}

	@Override
	public FutureProxy<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action, Executor executor) {
		return ofThisExecutor(super.runAfterEitherAsync(other, action, executor));
	}

	/**
	 * Return the given stage as a future of this executor. The "either" stages of
	 * {@link CompletableFuture} are created by whichever of the two futures is done first,
	 * which may be a plain {@code CompletableFuture} or a future of another executor.
	 */
	private <U extends @Nullable Object> FutureProxy<U> ofThisExecutor(CompletableFuture<U> stage) {
		if (stage instanceof FutureProxy<U> proxy && proxy.defaultExecutor == this.defaultExecutor
				&& proxy.executorName.equals(this.executorName)) {
			return proxy;
		}
		FutureProxy<U> relay = newIncompleteFuture();
		stage.whenComplete((result, ex) -> {
			if (ex != null) {
				relay.completeExceptionally(ex);
			}
			else {
				relay.complete(result);
			}
		});
		return relay;
	}

	@Override
	public final boolean equals(@Nullable Object other) {
		return this == other;
	}

	@Override
	public final int hashCode() {
		return System.identityHashCode(this);
	}

	@Override
	public String toString() {
		return "FutureProxy[executor=" + this.executorName + ", key=" + Objects.toString(this.key, "-") + ", state="
				+ state() + "]";
	}

}
