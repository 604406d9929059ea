package dev.executor.core;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A task that says it started, then runs until released, ignoring interrupts, as badly
 * behaved tasks do.
 */
final class BadlyBehavedTask implements Runnable {

	private final CountDownLatch started;

	private final CountDownLatch release;

	BadlyBehavedTask(CountDownLatch started, CountDownLatch release) {
		this.started = started;
		this.release = release;
	}

	@Override
	public void run() {
		this.started.countDown();
		while (true) {
			try {
				if (this.release.await(5, TimeUnit.SECONDS)) {
					return;
				}
			}
			catch (InterruptedException ex) {
				// keeps running
			}
		}
	}

}
