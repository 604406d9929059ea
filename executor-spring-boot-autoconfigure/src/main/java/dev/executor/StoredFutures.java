package dev.executor;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Futures stored under a key, so that they can be looked up later, for example by a
 * second HTTP request. Only finished futures are ever evicted: pending and running ones
 * are kept even past {@link #maxLength()}. Missing keys answer {@code false} or empty,
 * never throw.
 */
public interface StoredFutures {

	/**
	 * Store a future under a key.
	 * @param key the key
	 * @param future the future
	 * @throws DuplicateFutureKeyException if a future is already stored under the key
	 */
	void add(String key, FutureProxy<?> future);

	/**
	 * Return the future stored under a key.
	 * @param <T> the result type
	 * @param key the key
	 * @return the future, or empty
	 */
	<T extends @Nullable Object> Optional<FutureProxy<T>> get(String key);

	/**
	 * Remove and return the future stored under a key.
	 * @param <T> the result type
	 * @param key the key
	 * @return the future, or empty
	 */
	<T extends @Nullable Object> Optional<FutureProxy<T>> pop(String key);

	/**
	 * Whether a future is stored under a key.
	 * @param key the key
	 * @return whether the key is present
	 */
	boolean contains(String key);

	/**
	 * Whether the future stored under a key is done.
	 * @param key the key
	 * @return whether it is done; {@code false} when the key is missing
	 */
	boolean done(String key);

	/**
	 * Whether the future stored under a key is running.
	 * @param key the key
	 * @return whether it is running; {@code false} when the key is missing
	 */
	boolean running(String key);

	/**
	 * Return the state of the future stored under a key.
	 * @param key the key
	 * @return the state, or empty when the key is missing
	 */
	Optional<FutureState> state(String key);

	/**
	 * Cancel the future stored under a key, interrupting its task if it runs. The future
	 * stays stored.
	 * @param key the key
	 * @return whether the future was cancelled by this call
	 */
	boolean cancel(String key);

	/**
	 * Return a snapshot of the keys, in insertion order.
	 * @return the keys
	 */
	Set<String> keys();

	/**
	 * Return the number of stored futures.
	 * @return the number of stored futures
	 */
	int size();

	/**
	 * Return the number of futures kept before finished ones are evicted.
	 * @return the maximum length
	 */
	int maxLength();

}
