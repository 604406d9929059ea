package dev.executor.jdbc;

import java.util.concurrent.CountDownLatch;

/**
 * Latches shared by the application instances of a test, which all run in the test JVM.
 * A test resets them before use.
 */
final class Blockers {

	static volatile CountDownLatch started = new CountDownLatch(1);

	static volatile CountDownLatch release = new CountDownLatch(1);

	static volatile CountDownLatch interrupted = new CountDownLatch(1);

	private Blockers() {
	}

	static void reset(int tasks) {
		started = new CountDownLatch(tasks);
		release = new CountDownLatch(1);
		interrupted = new CountDownLatch(tasks);
	}

	static String block() throws InterruptedException {
		started.countDown();
		try {
			release.await();
		}
		catch (InterruptedException ex) {
			interrupted.countDown();
			throw ex;
		}
		return "released";
	}

}
