package dev.executor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks that block until released, counting how many run at once and the most that
 * ever did.
 */
public final class RunningTasks {

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger mostRunning = new AtomicInteger();

	/**
	 * Run as a blocked task: return once {@link #release()} was called.
	 * @return {@code "done"}
	 * @throws InterruptedException if interrupted while blocked
	 */
	public String blocked() throws InterruptedException {
		int now = this.running.incrementAndGet();
		this.mostRunning.accumulateAndGet(now, Math::max);
		try {
			this.release.await(30, TimeUnit.SECONDS);
			return "done";
		}
		finally {
			this.running.decrementAndGet();
		}
	}

	/**
	 * Let every blocked task, and those to come, return.
	 */
	public void release() {
		this.release.countDown();
	}

	/**
	 * Return how many tasks are blocked now.
	 * @return the number of tasks
	 */
	public int running() {
		return this.running.get();
	}

	/**
	 * Return the most tasks that were ever blocked at once.
	 * @return the number of tasks
	 */
	public int mostRunning() {
		return this.mostRunning.get();
	}

}
