package dev.executor.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import dev.executor.ManagedExecutor;

/**
 * An application that {@link OrphanedWorkersTests} starts and kills: it creates a process
 * executor with two workers, keeps one of them busy, writes both workers' process ids to
 * a file and waits to be killed.
 */
final class OrphanedWorkersParent {

	private OrphanedWorkersParent() {
	}

	public static void main(String[] args) throws Exception {
		Path workersFile = Path.of(args[0]);
		String busyPidFile = args[1];
		ManagedExecutor executor = TestProcessExecutors.create("executor.max-workers=2");
		executor.submit(() -> WorkerTasks.reportPidAndBlock(busyPidFile));
		String pids = executor.pool(ProcessPool.class).orElseThrow().workerProcesses()
			.stream()
			.map((worker) -> Long.toString(worker.pid()))
			.collect(Collectors.joining(" "));
		Path partial = workersFile.resolveSibling(workersFile.getFileName() + ".partial");
		Files.writeString(partial, pids);
		Files.move(partial, workersFile, StandardCopyOption.ATOMIC_MOVE);
		new CountDownLatch(1).await();
	}

}
