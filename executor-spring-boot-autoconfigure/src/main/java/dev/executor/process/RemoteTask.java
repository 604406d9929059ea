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

	private final boolean needsApplication;

	RemoteTask(byte[] payload, boolean needsApplication) {
		this.payload = payload;
		this.needsApplication = needsApplication;
	}

	byte[] payload() {
		return this.payload;
	}

	/**
	 * Return whether the task runs in the worker's application context, as job calls do.
	 * @return whether the task needs the application context of job calls
	 */
	boolean needsApplication() {
		return this.needsApplication;
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
