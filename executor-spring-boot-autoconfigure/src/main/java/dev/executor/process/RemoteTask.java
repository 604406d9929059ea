package dev.executor.process;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * A task serialised for a worker process. Calling it on a thread of its
 * {@link ProcessPool} runs it in that thread's worker process, with the context that
 * thread holds for it, and returns or throws what the task did.
 *
 * @param <T> the result type
 */
final class RemoteTask<T> implements Callable<T> {

	private final byte[] payload;

	RemoteTask(byte[] payload) {
		this.payload = payload;
	}

	byte[] payload() {
		return this.payload;
	}

	@Override
	@SuppressWarnings("unchecked")
	public @Nullable T call() throws Exception {
		if (!(Thread.currentThread() instanceof WorkerThread thread)) {
			throw new IllegalStateException("A task for a worker process can only run on a thread of its ProcessPool");
		}
		return (T) thread.run(this);
	}

}
