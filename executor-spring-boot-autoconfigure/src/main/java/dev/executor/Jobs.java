package dev.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Helpers for {@link Job} methods.
 */
public final class Jobs {

	private Jobs() {
	}

	/**
	 * Wrap the result of a job method's body. The caller of the job method receives the
	 * live future of the task instead, completed with this value.
	 * @param <T> the result type
	 * @param value the result
	 * @return a completed future holding the result
	 */
	public static <T extends @Nullable Object> FutureProxy<T> completed(T value) {
		FutureProxy<T> future = new FutureProxy<>("(job result)", Runnable::run);
		future.complete(value);
		return future;
	}

	/**
	 * Call a job method for every item at once and return the results in the order of
	 * the items, as {@link ManagedExecutor#map(Function, Iterable)} does for plain
	 * functions:
	 * <pre class="code">
	 * List&lt;Report&gt; reports = Jobs.map(names, reportService::render).toList();
	 * </pre>
	 * Reading the stream blocks until the next result is there; a failed item throws a
	 * {@link CompletionException} whose cause is the item's exception when it is reached.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param items the items
	 * @param job the job method, called once per item
	 * @return the results, in input order
	 */
	public static <T extends @Nullable Object, R extends @Nullable Object> Stream<R> map(Iterable<? extends T> items,
			Function<? super T, ? extends Future<R>> job) {
		List<Future<R>> futures = new ArrayList<>();
		for (T item : items) {
			futures.add(job.apply(item));
		}
		return futures.stream().map(Jobs::join);
	}

	private static <R extends @Nullable Object> R join(Future<R> future) {
		if (future instanceof CompletableFuture<R> completable) {
			return completable.join();
		}
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw new CompletionException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CompletionException(ex);
		}
	}

}
