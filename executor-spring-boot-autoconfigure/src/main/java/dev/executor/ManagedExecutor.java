package dev.executor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.executor.spi.ExecutorBackend;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ExecutorService} configured from {@code executor.*} properties whose futures
 * carry the submitter's context, can be stored under a key and report their failures.
 * <p>
 * Every submission returns a {@link FutureProxy} that always ends: done, failed or
 * cancelled, also when the executor shuts down.
 * <p>
 * Code that observes executors (the endpoint, health, meters) reads them through
 * {@link #stats()} and {@link #spec()}; code that needs what a pool can do beyond
 * {@link ExecutorService} asks for that capability with {@link #pool(Class)}.
 */
public interface ManagedExecutor extends ExecutorService, AutoCloseable {

	/**
	 * The name of the executor that is configured by the top-level {@code executor.*}
	 * properties.
	 */
	String DEFAULT_NAME = "default";

	/**
	 * Return the name of this executor: {@value #DEFAULT_NAME} for the default one,
	 * otherwise its key under {@code executor.named}.
	 * @return the name
	 */
	String name();

	/**
	 * Return the type of this executor: {@code thread}, {@code virtual}, {@code process},
	 * {@code custom}, or the name of a registered {@link ExecutorBackend}.
	 * @return the type
	 */
	String type();

	/**
	 * Return the maximum number of tasks that run at once.
	 * @return the maximum number of workers
	 */
	int maxWorkers();

	/**
	 * Return the resolved settings of this executor.
	 * @return the settings
	 */
	ExecutorSpec spec();

	/**
	 * Return the figures of this executor now: its workers, its tasks running, queued
	 * and done, its rejections and its stored futures.
	 * @return an immutable snapshot of the figures
	 */
	ExecutorStats stats();

	/**
	 * Return the pool that runs the tasks of this executor if it is of the given type: the
	 * way to reach a capability of the pool, such as a
	 * {@link dev.executor.spi.RemoteTaskPool} or a
	 * {@link java.util.concurrent.ThreadPoolExecutor} whose figures a meter binder
	 * reads.
	 * @param <P> the type asked for
	 * @param type the class or interface the pool must be an instance of
	 * @return the pool, or empty if it is not of that type
	 */
	<P> Optional<P> pool(Class<P> type);

	/**
	 * Shut down, wait up to the await-termination period for running and queued tasks to
	 * finish, then cancel what is left, so that every future ends. The application
	 * context closes its executors itself.
	 */
	@Override
	void close();

	/**
	 * Submit a task.
	 * @param <T> the result type
	 * @param task the task
	 * @return the future of the task
	 * @throws java.util.concurrent.RejectedExecutionException if the executor is shut
	 * down or its queue is full
	 */
	@Override
	<T extends @Nullable Object> FutureProxy<T> submit(Callable<T> task);

	/**
	 * Submit a task that fails with a {@link TaskTimeoutException} and is interrupted if
	 * it runs for longer than the given timeout.
	 * @param <T> the result type
	 * @param task the task
	 * @param timeout the time the task may run, counted from when it starts
	 * @return the future of the task
	 */
	<T extends @Nullable Object> FutureProxy<T> submit(Callable<T> task, Duration timeout);

	/**
	 * Submit a task without a result.
	 * @param task the task
	 * @return the future of the task, completed with {@code null}
	 */
	@Override
	FutureProxy<?> submit(Runnable task);

	/**
	 * Submit a task and store its future under the given key. The key is checked before
	 * the task starts: a duplicate key throws and the task never runs.
	 * @param <T> the result type
	 * @param key the key
	 * @param task the task
	 * @return the future of the task
	 * @throws DuplicateFutureKeyException if a future is already stored under the key
	 */
	<T extends @Nullable Object> FutureProxy<T> submitStored(String key, Callable<T> task);

	/**
	 * Submit a task with a timeout and store its future under the given key.
	 * @param <T> the result type
	 * @param key the key
	 * @param task the task
	 * @param timeout the time the task may run, counted from when it starts
	 * @return the future of the task
	 * @throws DuplicateFutureKeyException if a future is already stored under the key
	 * @see #submit(Callable, Duration)
	 */
	<T extends @Nullable Object> FutureProxy<T> submitStored(String key, Callable<T> task, Duration timeout);

	/**
	 * Submit a task without a result and store its future under the given key.
	 * @param key the key
	 * @param task the task
	 * @return the future of the task
	 * @throws DuplicateFutureKeyException if a future is already stored under the key
	 */
	FutureProxy<?> submitStored(String key, Runnable task);

	/**
	 * Apply a function to every item at once, each in its own task, and return the
	 * results in the order of the items. Reading the stream blocks until the next result
	 * is there; a failed item throws a {@link java.util.concurrent.CompletionException}
	 * whose cause is the item's exception when it is reached.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param fn the function
	 * @param items the items
	 * @return the results, in input order
	 */
	<T extends @Nullable Object, R extends @Nullable Object> Stream<R> map(Function<? super T, ? extends R> fn,
			Iterable<? extends T> items);

	/**
	 * Like {@link #map(Function, Iterable)}, with a timeout for each item's task.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param fn the function
	 * @param items the items
	 * @param timeout the time each item's task may run, counted from when it starts
	 * @return the results, in input order
	 * @see #submit(Callable, Duration)
	 */
	<T extends @Nullable Object, R extends @Nullable Object> Stream<R> map(Function<? super T, ? extends R> fn,
			Iterable<? extends T> items, Duration timeout);

	/**
	 * Submit a task that can be serialised. Lambdas and method references select this
	 * overload, so that they also run on executors whose tasks leave the JVM.
	 * @param <T> the result type
	 * @param task the task
	 * @return the future of the task
	 * @see #submit(Callable)
	 */
	default <T extends @Nullable Object> FutureProxy<T> submit(SerializableCallable<T> task) {
		return submit((Callable<T>) task);
	}

	/**
	 * Submit a task that can be serialised, with a timeout.
	 * @param <T> the result type
	 * @param task the task
	 * @param timeout the time the task may run, counted from when it starts
	 * @return the future of the task
	 * @see #submit(Callable, Duration)
	 */
	default <T extends @Nullable Object> FutureProxy<T> submit(SerializableCallable<T> task, Duration timeout) {
		return submit((Callable<T>) task, timeout);
	}

	/**
	 * Submit a task without a result that can be serialised.
	 * @param task the task
	 * @return the future of the task
	 * @see #submit(Runnable)
	 */
	default FutureProxy<?> submit(SerializableRunnable task) {
		return submit((Runnable) task);
	}

	/**
	 * Submit a task that can be serialised and store its future under the given key.
	 * @param <T> the result type
	 * @param key the key
	 * @param task the task
	 * @return the future of the task
	 * @see #submitStored(String, Callable)
	 */
	default <T extends @Nullable Object> FutureProxy<T> submitStored(String key, SerializableCallable<T> task) {
		return submitStored(key, (Callable<T>) task);
	}

	/**
	 * Submit a task that can be serialised, with a timeout, and store its future under the
	 * given key.
	 * @param <T> the result type
	 * @param key the key
	 * @param task the task
	 * @param timeout the time the task may run, counted from when it starts
	 * @return the future of the task
	 * @see #submitStored(String, Callable, Duration)
	 */
	default <T extends @Nullable Object> FutureProxy<T> submitStored(String key, SerializableCallable<T> task,
			Duration timeout) {
		return submitStored(key, (Callable<T>) task, timeout);
	}

	/**
	 * Submit a task without a result that can be serialised and store its future under
	 * the given key.
	 * @param key the key
	 * @param task the task
	 * @return the future of the task
	 * @see #submitStored(String, Runnable)
	 */
	default FutureProxy<?> submitStored(String key, SerializableRunnable task) {
		return submitStored(key, (Runnable) task);
	}

	/**
	 * Apply a function that can be serialised to every item at once.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param fn the function
	 * @param items the items
	 * @return the results, in input order
	 * @see #map(Function, Iterable)
	 */
	default <T extends @Nullable Object, R extends @Nullable Object> Stream<R> map(
			SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> items) {
		return map((Function<? super T, ? extends R>) fn, items);
	}

	/**
	 * Apply a function that can be serialised to every item at once, with a timeout for
	 * each item's task.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param fn the function
	 * @param items the items
	 * @param timeout the time each item's task may run, counted from when it starts
	 * @return the results, in input order
	 * @see #map(Function, Iterable, Duration)
	 */
	default <T extends @Nullable Object, R extends @Nullable Object> Stream<R> map(
			SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> items, Duration timeout) {
		return map((Function<? super T, ? extends R>) fn, items, timeout);
	}

	/**
	 * Return the futures stored under a key by this executor.
	 * @return the stored futures
	 */
	StoredFutures futures();

	/**
	 * Add a callback that runs when any future this executor creates from now on is done,
	 * including stored futures and {@code map} items.
	 * @param callback the callback
	 */
	void addDefaultDoneCallback(Consumer<? super FutureProxy<?>> callback);

	/**
	 * Return this executor as seen by tasks submitted with the given options: its
	 * {@code submit}, {@code submitStored}, {@code map} and {@code execute} calls use the
	 * options' retry policy and timeout where they set one, and this executor's own
	 * otherwise. The view shares everything else with this executor (its pool, stored
	 * futures, figures and default done-callbacks): shutting it down shuts this executor
	 * down. A timeout given to a call wins over both.
	 * @param options the options of the tasks
	 * @return the view
	 * @since 0.1.0
	 */
	ManagedExecutor with(TaskOptions options);

}
