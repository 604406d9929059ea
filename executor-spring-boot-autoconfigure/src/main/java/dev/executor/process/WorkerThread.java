package dev.executor.process;

import java.io.IOException;
import java.io.StreamCorruptedException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import dev.executor.remote.WorkerResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A thread of a {@link ProcessPool} and the worker process it hands its tasks to. The
 * thread sends each task and blocks until the answer comes back; interrupting it while it
 * waits, which is how tasks are cancelled and timed out, ends the worker process, because
 * a read from a process pipe does not react to interruption. A worker that ended, or ran
 * its share of tasks, is replaced after the task. A thread holds its worker while it
 * starts it and while it runs a task; an idle thread's worker can be traded for the worker
 * of a thread with a job call, see {@link ProcessPool#workerForJobCall}.
 */
final class WorkerThread extends Thread {

	private static final Log logger = LogFactory.getLog(WorkerThread.class);

	private final ProcessPool pool;

	private final CompletableFuture<Void> started = new CompletableFuture<>();

	private volatile @Nullable WorkerProcess worker;

	private volatile @Nullable WorkerProcess busy;

	private final ReentrantLock holding = new ReentrantLock();

	WorkerThread(ProcessPool pool, Runnable runnable, String name) {
		super(runnable, name);
		this.pool = pool;
	}

	/**
	 * Return whether this is a thread of the given pool.
	 * @param pool the pool
	 * @return whether the pool created this thread
	 */
	boolean belongsTo(ProcessPool pool) {
		return this.pool == pool;
	}

	/**
	 * Return a future that completes when this thread's first worker has started, or
	 * fails with what prevented it.
	 * @return the start of the first worker
	 */
	CompletableFuture<Void> started() {
		return this.started;
	}

	@Nullable WorkerProcess worker() {
		return this.worker;
	}

	@Override
	public void run() {
		try {
			startFirstWorker();
			super.run();
		}
		finally {
			WorkerProcess current;
			this.holding.lock();
			try {
				current = this.worker;
				this.worker = null;
			}
			finally {
				this.holding.unlock();
			}
			if (current != null) {
				current.stop();
			}
			this.pool.threadEnded(this);
		}
	}

	/**
	 * Give this thread's worker to another thread for a job call and take that thread's
	 * worker in return, if this thread is idle and its worker still the better one.
	 * @param replacement the other thread's worker
	 * @return this thread's worker, now the other thread's, or {@code null} if this thread
	 * is busy or its worker changed
	 */
	@Nullable WorkerProcess trade(WorkerProcess replacement) {
		if (!this.holding.tryLock()) {
			return null;
		}
		try {
			WorkerProcess current = this.worker;
			if (current == null || !this.pool.furtherAlong(current, replacement)) {
				return null;
			}
			this.worker = replacement;
			return current;
		}
		finally {
			this.holding.unlock();
		}
	}

	private void startFirstWorker() {
		this.holding.lock();
		try {
			startFirstWorkerHeld();
		}
		finally {
			this.holding.unlock();
		}
	}

	private void startFirstWorkerHeld() {
		try {
			WorkerProcess first = use(this.pool.startWorker());
			// an interrupt ends a worker that never finishes starting, as it ends a busy one
			this.busy = first;
			try {
				this.worker = ready(first);
				this.started.complete(null);
			}
			catch (IOException ex) {
				WorkerProcess failed = this.worker;
				this.worker = null;
				this.started.completeExceptionally((failed != null) ? ended(failed, ex) : ex);
			}
			finally {
				this.busy = null;
			}
		}
		catch (IOException ex) {
			this.started.completeExceptionally(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.started.completeExceptionally(ex);
		}
	}

	// a worker that the class data sharing archive kept from starting gets one more go
	private WorkerProcess ready(WorkerProcess candidate) throws IOException {
		try {
			candidate.awaitReady();
			return candidate;
		}
		catch (IOException ex) {
			if (candidate.wasKilled() || isInterrupted() || !this.pool.notStarted(candidate)) {
				throw ex;
			}
		}
		WorkerProcess fresh = use(this.pool.startWorker());
		this.busy = fresh;
		fresh.awaitReady();
		return fresh;
	}

	// published before the pool is asked, so that a worker started while the pool learns
	// that job calls will come hears of it from one side or the other
	private WorkerProcess use(WorkerProcess worker) {
		this.worker = worker;
		this.pool.offerApplication(worker);
		return worker;
	}

	@Nullable Object run(RemoteTask<?> task) throws Exception {
		WorkerResponse response;
		this.holding.lock();
		try {
			WorkerProcess current = liveWorker();
			if (task.needsApplication()) {
				current = this.pool.workerForJobCall(this, current);
				this.worker = current;
			}
			this.busy = current;
			try {
				if (isInterrupted()) {
					throw new CancellationException("The task was cancelled before it reached a worker process");
				}
				current = ready(current);
				response = current.exchange(task);
			}
			catch (IOException ex) {
				WorkerProcess failed = this.worker;
				throw ended((failed != null) ? failed : current, ex);
			}
			finally {
				this.busy = null;
			}
		}
		finally {
			this.holding.unlock();
		}
		return response.decode(this.pool.serialization(), this.pool.executorName());
	}

	private WorkerProcess liveWorker() throws IOException {
		WorkerProcess current = this.worker;
		if (current != null && current.isAlive()) {
			return current;
		}
		if (current != null) {
			logger.warn("Worker process " + current + " of executor '" + this.pool.executorName()
					+ "' ended while idle; starting a new one");
		}
		return use(this.pool.startWorker());
	}

	private Exception ended(WorkerProcess ended, IOException ex) throws InterruptedException {
		if (ended.wasKilled() || isInterrupted()) {
			// cancelled or timed out: the task's future already says so
			return new CancellationException("The task was cancelled and worker process " + ended + " was ended");
		}
		if (ex instanceof StreamCorruptedException) {
			return ended.corrupted(ex);
		}
		return ended.crashed();
	}

	/**
	 * Replace the worker if it ended or has run its share of tasks. Called after every
	 * task, on this thread.
	 */
	void afterTask() {
		this.holding.lock();
		try {
			replaceEndedWorker();
		}
		finally {
			this.holding.unlock();
		}
	}

	private void replaceEndedWorker() {
		WorkerProcess current = this.worker;
		if (current == null) {
			return;
		}
		boolean used = this.pool.usedUp(current);
		if (used) {
			current.stop();
		}
		if (used || !current.isAlive()) {
			this.worker = null;
			if (this.pool.isShutdown()) {
				return;
			}
			try {
				use(this.pool.startWorker());
			}
			catch (IOException ex) {
				logger.warn("Could not replace worker process " + current + " of executor '"
						+ this.pool.executorName() + "'; trying again with the next task", ex);
			}
		}
	}

	@Override
	public void interrupt() {
		super.interrupt();
		WorkerProcess current = this.busy;
		if (current != null) {
			current.kill();
		}
	}

}
