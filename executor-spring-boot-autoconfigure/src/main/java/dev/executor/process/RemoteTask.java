package dev.executor.process;

import java.util.concurrent.Callable;

/**
 * A task serialised for a worker process, with the context it carries there. Calling it
 * on a thread of its {@link ProcessPool} runs it in that thread's worker process and
 * returns or throws what the task did.
 *
 * @param <T> the result type
 */
final class RemoteTask<T> implements Callable<T> {

	private final byte[] payload;

	private final WorkerContext context;

	RemoteTask(byte[] payload, WorkerContext context) {
		this.payload = payload;
		this.context = context;
	}

	byte[] payload() {
		return this.payload;
	}

	WorkerContext context() {
		return this.context;
	}

	@Override
	@SuppressWarnings("unchecked")
	public T call() throws Exception {
		if (!(Thread.currentThread() instanceof WorkerThread thread)) {
			throw new IllegalStateException("A task for a worker process can only run on a thread of its ProcessPool");
		}
		return (T) thread.run(this);
	}

}
