package dev.executor.context;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * A {@link ThreadLocalAccessor} whose {@link #getValue()} creates a new value for each
 * capture, and that can tell whether a value it captured before on the current thread is
 * still what it would capture now. {@link SnapshotContextPropagation} then hands many
 * submissions from one thread, a request submitting a batch for example, the context it
 * captured for the first of them, as long as the thread's context objects stay the same.
 * <p>
 * Values that are reused must therefore be immutable, and {@link #setValue(Object)} must
 * give each task what it may change on its own, a copy for example. Accessors whose
 * {@code getValue()} returns the thread's very object need not implement this: a value
 * that is the same object as the one captured before is reused anyway.
 *
 * @param <V> the type of the captured value
 */
public interface ReusableThreadLocalAccessor<V> extends ThreadLocalAccessor<V> {

	/**
	 * Return whether {@link #getValue()} on the current thread would capture what the
	 * given value holds: the same thread-local objects, in the same state.
	 * @param captured a value this accessor captured before on the current thread
	 * @return whether the value can be reused for a capture now
	 */
	boolean isCurrent(V captured);

}
