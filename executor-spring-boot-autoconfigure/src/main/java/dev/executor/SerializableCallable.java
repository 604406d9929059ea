package dev.executor;

import java.io.Serializable;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Callable} that can be serialised, so that a plain lambda passed to
 * {@link ManagedExecutor#submit(Callable)} can run in a worker process. Java picks the
 * overloads that take this type for lambdas and method references by itself; what the
 * lambda captures must be serialisable too.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface SerializableCallable<T extends @Nullable Object> extends Callable<T>, Serializable {

}
