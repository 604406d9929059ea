package dev.executor;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A {@link Function} that can be serialised, so that a plain lambda passed to
 * {@link ManagedExecutor#map(Function, Iterable)} can run in worker processes.
 *
 * @param <T> the input type
 * @param <R> the result type
 * @see SerializableCallable
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {

}
