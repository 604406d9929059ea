package dev.executor;

import java.io.Serializable;

/**
 * A {@link Runnable} that can be serialised, so that a plain lambda passed to
 * {@link ManagedExecutor#submit(Runnable)} can run in a worker process.
 *
 * @see SerializableCallable
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {

}
