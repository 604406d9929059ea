package dev.executor.hazelcast;

import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import org.jspecify.annotations.Nullable;

/**
 * Sent to the member that owns a stored future, to read the state of its live future or
 * to cancel it.
 */
final class StoredFutureCommand implements Callable<@Nullable Object>, Serializable, HazelcastInstanceAware {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String executorName;

	private final String key;

	private final boolean cancel;

	private transient @Nullable HazelcastInstance instance;

	private StoredFutureCommand(String executorName, String key, boolean cancel) {
		this.executorName = executorName;
		this.key = key;
		this.cancel = cancel;
	}

	static StoredFutureCommand state(String executorName, String key) {
		return new StoredFutureCommand(executorName, key, false);
	}

	static StoredFutureCommand cancel(String executorName, String key) {
		return new StoredFutureCommand(executorName, key, true);
	}

	@Override
	public void setHazelcastInstance(HazelcastInstance instance) {
		this.instance = instance;
	}

	@Override
	public @Nullable Object call() {
		HazelcastStoredFutures store = (this.instance != null)
				? HazelcastStoredFutures.registered(this.instance, this.executorName) : null;
		if (store == null) {
			return this.cancel ? Boolean.FALSE : null;
		}
		return this.cancel ? store.cancelLocal(this.key) : store.localState(this.key);
	}

}
