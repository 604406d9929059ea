package dev.executor.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.awaitility.Awaitility;

/**
 * Task bodies that tests run in worker processes, and the test side of them. A worker
 * cannot count down a latch in the test's JVM, so a task that must be caught while it
 * runs writes its process id to a file first.
 */
final class WorkerTasks {

	private WorkerTasks() {
	}

	/**
	 * Write the worker's process id to the given file, then wait until the worker is
	 * ended.
	 * @param pidFile the file
	 * @return never
	 * @throws Exception never, unless the file cannot be written
	 */
	static Object reportPidAndBlock(String pidFile) throws Exception {
		Path file = Path.of(pidFile);
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.writeString(partial, Long.toString(ProcessHandle.current().pid()));
		Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
		new CountDownLatch(1).await();
		return "unreachable";
	}

	/**
	 * Keep the worker from ending by itself when it is asked to, as one busy ending its
	 * work would: a shutdown hook that waits until the worker is killed.
	 * @return the worker's process id
	 */
	static long blockExit() {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		return ProcessHandle.current().pid();
	}

	/**
	 * Wait until a task has written its worker's process id to the given file.
	 * @param pidFile the file
	 * @return the process id
	 */
	static long awaitPid(Path pidFile) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(pidFile));
		try {
			return Long.parseLong(Files.readString(pidFile));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Wait until the process with the given id has ended.
	 * @param pid the process id
	 */
	static void awaitEnded(long pid) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> ProcessHandle.of(pid).map((handle) -> !handle.isAlive()).orElse(true));
	}

	/**
	 * Allocate memory until the heap is exhausted.
	 * @return never
	 */
	static Object exhaustHeap() {
		List<long[]> hoard = new ArrayList<>();
		while (true) {
			hoard.add(new long[1 << 20]);
		}
	}

}
