package dev.executor.jdbc;

import java.util.concurrent.Executor;

import dev.executor.FutureProxy;
import dev.executor.FutureState;

/**
 * A stored future run by another application instance, or by a previous run of this
 * one, as seen from here: it completes when this instance reads the recorded outcome,
 * and cancels by recording the cancellation, which the owner then carries out.
 *
 * @param <T> the result type
 */
final class JdbcStoredFuture<T> extends FutureProxy<T> {

	private final JdbcStoredFutures store;

	private final long id;

	JdbcStoredFuture(JdbcStoredFutures store, long id, String key, Executor defaultExecutor) {
		super(store.executorName(), defaultExecutor);
		this.store = store;
		this.id = id;
		bindKey(key);
	}

	@Override
	protected boolean isRunning() {
		return !isDone() && this.store.recordedState(this.id) == FutureState.RUNNING;
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		if (isDone() || !this.store.cancelRecorded(this.id)) {
			return false;
		}
		return super.cancel(mayInterruptIfRunning);
	}

	void cancelled() {
		super.cancel(false);
	}

}
