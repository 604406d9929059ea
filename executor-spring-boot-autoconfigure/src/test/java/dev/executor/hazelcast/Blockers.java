package dev.executor.hazelcast;

import java.util.concurrent.CountDownLatch;

import com.hazelcast.core.HazelcastInstance;

/**
 * Latches shared by the members of a test cluster, which all run in the test JVM. A test
 * resets them before use.
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

	/**
	 * Block until released, recording the start and any interruption.
	 * @return the name of the member that ran the task, {@code local} outside a member
	 * @throws InterruptedException if interrupted
	 */
	static String block() throws InterruptedException {
		started.countDown();
		try {
			release.await();
		}
		catch (InterruptedException ex) {
			interrupted.countDown();
			throw ex;
		}
		return HazelcastTasks.currentInstance().map(HazelcastInstance::getName).orElse("local");
	}

}
