package dev.executor.core;

import java.io.Serial;
import java.util.function.Function;

import dev.executor.SerializableCallable;
import org.jspecify.annotations.Nullable;

/**
 * One item of a {@code map} call as the callable the executor runs: the function applied
 * to the item. Serialisable whenever both are.
 *
 * @param <T> the item type
 * @param <R> the result type
 * @param function the function of the call
 * @param item the item
 */
public record MappedItem<T extends @Nullable Object, R extends @Nullable Object>(
		Function<? super T, ? extends R> function, T item)
		implements SerializableCallable<R>, WrappedTask {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public R call() {
		return this.function.apply(this.item);
	}

	@Override
	public Object wrapped() {
		return this.function;
	}

}
