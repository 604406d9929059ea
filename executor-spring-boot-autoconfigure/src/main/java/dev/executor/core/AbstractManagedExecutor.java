package dev.executor.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.TaskOptions;
import dev.executor.TaskThrottle;
import dev.executor.context.TaskContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;

/**
 * The submission side of a {@link ManagedExecutor}: every {@code submit},
 * {@code submitStored}, {@code map} and {@code execute} overload comes down to one
 * {@link #dispatch dispatch} of a callable, with the submitter's context, the timeout
 * that applies and the default done-callbacks.
 */
abstract class AbstractManagedExecutor extends AbstractExecutorService implements ManagedExecutor {

	private volatile List<Consumer<? super FutureProxy<?>>> defaultCallbacks = List.of();

	/**
	 * Hand a task to the pool.
	 * @param <T> the result type
	 * @param key the key to store the future under, {@code null} for none
	 * @param callable the task
	 * @param context the submitter's context
	 * @param timeout the time the task may run, {@code null} for no limit
	 * @param retry the policy by which it runs again when it fails, {@code null} for none
	 * @param throttle the limit of tasks that run at once it counts under, {@code null}
	 * for none
	 * @param callbacks the done-callbacks of the future
	 * @param adapt whether the pool may adapt the task: not for the stages of
	 * {@link CompletableFuture}, which are not the user's tasks
	 * @return the future of the task
	 */
	abstract <T extends @Nullable Object> FutureProxy<T> dispatch(@Nullable String key, Callable<T> callable,
			TaskContext context, @Nullable Duration timeout, @Nullable RetryPolicy retry,
			@Nullable TaskThrottle throttle, List<Consumer<? super FutureProxy<?>>> callbacks, boolean adapt);

	/**
	 * Return the timeout of each attempt of the tasks submitted without one.
	 * @return the timeout, {@code null} for none
	 */
	@Nullable Duration taskTimeout() {
		return spec().taskTimeout();
	}

	/**
	 * Return the policy by which failed tasks are run again.
	 * @return the policy, {@code null} if they fail at their first failure
	 */
	@Nullable RetryPolicy retryPolicy() {
		return spec().retry();
	}

	/**
	 * Return the throttle that the tasks submitted here count under.
	 * @return the throttle, {@code null} for none
	 */
	@Nullable TaskThrottle throttle() {
		return null;
	}

	/**
	 * Return the done-callbacks that every future of this executor gets.
	 * @return the callbacks
	 */
	List<Consumer<? super FutureProxy<?>>> defaultCallbacks() {
		return this.defaultCallbacks;
	}

	@Override
	public ManagedExecutor with(TaskOptions options) {
		return new OptionsManagedExecutor(this, options);
	}

	/**
	 * Capture the context of the submitting thread.
	 * @return the context
	 */
	abstract TaskContext captureContext();

	@Override
	public String name() {
		return spec().name();
	}

	@Override
	public String type() {
		return spec().type();
	}

	@Override
	public int maxWorkers() {
		return spec().maxWorkers();
	}

	@Override
	public synchronized void addDefaultDoneCallback(Consumer<? super FutureProxy<?>> callback) {
		List<Consumer<? super FutureProxy<?>>> callbacks = new ArrayList<>(this.defaultCallbacks);
		callbacks.add(callback);
		this.defaultCallbacks = List.copyOf(callbacks);
	}

	@Override
	public <T extends @Nullable Object> FutureProxy<T> submit(Callable<T> task) {
		return submitTask(null, task, taskTimeout());
	}

	@Override
	public <T extends @Nullable Object> FutureProxy<T> submit(Callable<T> task, Duration timeout) {
		return submitTask(null, task, timeout);
	}

	@Override
	public FutureProxy<?> submit(Runnable task) {
		return this.<@Nullable Object>submitTask(null, callable(task), taskTimeout());
	}

	@Override
	public <T extends @Nullable Object> FutureProxy<T> submit(Runnable task, T result) {
		return submitTask(null, new RunnableCallable<>(task, result), taskTimeout());
	}

	@Override
	public <T extends @Nullable Object> FutureProxy<T> submitStored(String key, Callable<T> task) {
		return submitTask(key, task, taskTimeout());
	}

	@Override
	public <T extends @Nullable Object> FutureProxy<T> submitStored(String key, Callable<T> task, Duration timeout) {
		return submitTask(key, task, timeout);
	}

	@Override
	public FutureProxy<?> submitStored(String key, Runnable task) {
		return this.<@Nullable Object>submitTask(key, callable(task), taskTimeout());
	}

	private <T extends @Nullable Object> FutureProxy<T> submitTask(@Nullable String key, Callable<T> task,
			@Nullable Duration timeout) {
		return dispatch(key, task, captureContext(), timeout, retryPolicy(), throttle(), defaultCallbacks(), true);
	}

	/**
	 * Run a command. No future is handed out, so default done-callbacks do not apply.
	 * The async stages of {@link CompletableFuture} arrive here too: they are not tasks of
	 * their own, so the task timeout does not apply to them either.
	 * @param command the command
	 */
	@Override
	public void execute(Runnable command) {
		if (command instanceof CompletableFuture.AsynchronousCompletionTask) {
			executeStage(command);
		}
		else {
			dispatch(null, callable(command), captureContext(), taskTimeout(), retryPolicy(), throttle(), List.of(),
					true);
		}
	}

	/**
	 * Run the completion of an async stage of one of this executor's futures, like
	 * {@link #execute(Runnable)} does.
	 * @param completion the completion
	 * @return the future of the task that runs it
	 */
	FutureProxy<?> executeStage(Runnable completion) {
		return dispatch(null, Executors.callable(completion), captureContext(), null, null, null, List.of(), false);
	}

	@Override
	public <T extends @Nullable Object, R extends @Nullable Object> Stream<R> map(Function<? super T, ? extends R> fn,
			Iterable<? extends T> items) {
		return map(fn, items, taskTimeout());
	}

	@Override
	public <T extends @Nullable Object, R extends @Nullable Object> Stream<R> map(Function<? super T, ? extends R> fn,
			Iterable<? extends T> items,
			@Nullable Duration timeout) {
		TaskContext context = captureContext();
		List<Consumer<? super FutureProxy<?>>> callbacks = defaultCallbacks();
		RetryPolicy retry = retryPolicy();
		TaskThrottle throttle = throttle();
		List<FutureProxy<R>> submitted = new ArrayList<>();
		try {
			for (T item : items) {
				submitted.add(
						dispatch(null, new MappedItem<T, R>(fn, item), context, timeout, retry, throttle, callbacks, true));
			}
		}
		catch (RuntimeException ex) {
			submitted.forEach((future) -> future.cancel(true));
			throw ex;
		}
		return submitted.stream().map(FutureProxy::join);
	}

	// without generics checks (before JDK 22) NullAway cannot see that the type argument
	// allows the null result
	@SuppressWarnings("NullAway")
	private static Callable<@Nullable Object> callable(Runnable task) {
		return new RunnableCallable<@Nullable Object>(task, null);
	}

}
