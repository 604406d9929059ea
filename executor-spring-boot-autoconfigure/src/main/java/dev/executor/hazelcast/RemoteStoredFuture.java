package dev.executor.hazelcast;

import java.util.concurrent.Executor;

import dev.executor.FutureProxy;
import dev.executor.FutureState;

/**
 * A stored future owned by another application instance, as seen from this one: it
 * completes when the owner records the outcome in the cluster, asks the owner whether it
 * runs, and cancels through the owner.
 *
 * @param <T> the result type
 */
final class RemoteStoredFuture<T> extends FutureProxy<T> {

	private final HazelcastStoredFutures store;

	private final String key;

	RemoteStoredFuture(HazelcastStoredFutures store, String key, Executor defaultExecutor) {
		super(store.executorName(), defaultExecutor);
		this.store = store;
		this.key = key;
		bindKey(key);
	}

	@Override
	protected boolean isRunning() {
		return !isDone() && this.store.state(this.key).filter(FutureState.RUNNING::equals).isPresent();
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		if (isDone() || !this.store.cancelRemote(this.key)) {
			return false;
		}
		return super.cancel(mayInterruptIfRunning);
	}

	void cancelled() {
		super.cancel(false);
	}

}
