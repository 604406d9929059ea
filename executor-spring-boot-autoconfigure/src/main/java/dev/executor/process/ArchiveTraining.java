package dev.executor.process;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.executor.remote.Serialization;
import dev.executor.remote.TaskSerializer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The training run that writes a {@link WorkerArchive}: a worker, started in the
 * background, that does once what the workers of the archive do (runs a task, and for
 * the archive of workers of job calls, starts their application context), then ends, so
 * that its JVM writes the classes it loaded. It goes on when its pool closes; should the
 * application end first, the next training run deletes what it left.
 */
final class ArchiveTraining implements Runnable {

	private static final Log logger = LogFactory.getLog(ArchiveTraining.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	// what a worker does for every task
	private static final Callable<Object> TASK = (Callable<Object> & Serializable) () -> "trained";

	private final WorkerArchive archive;

	private final Path file;

	private final WorkerCommand command;

	private final String executorName;

	private final byte[] task;

	private final byte @Nullable [] application;

	private ArchiveTraining(WorkerArchive archive, Path file, WorkerCommand command, String executorName, byte[] task,
			byte @Nullable [] application) {
		this.archive = archive;
		this.file = file;
		this.command = command;
		this.executorName = executorName;
		this.task = task;
		this.application = application;
	}

	/**
	 * Start the training run of the archive of plain workers, unless it is not needed.
	 * @param archive the archive
	 * @param command the command of the workers
	 * @param serializer the serializer of the executor's tasks
	 * @param executorName the name of the executor
	 */
	static void startPlain(WorkerArchive archive, WorkerCommand command, TaskSerializer serializer,
			String executorName) {
		start(archive, command, executorName, serializer.serialize(TASK), null);
	}

	/**
	 * Start the training run of the archive of workers that start the application context
	 * of job calls, unless it is not needed.
	 * @param archive the archive
	 * @param command the command of the workers
	 * @param serializer the serializer of the executor's tasks
	 * @param executorName the name of the executor
	 * @param application the application of the job calls
	 * @param serializedApplication the application, serialised for the worker
	 */
	static void startWithApplication(WorkerArchive archive, WorkerCommand command, TaskSerializer serializer,
			String executorName, WorkerApplication application, byte[] serializedApplication) {
		// the task waits for the context that the worker starts
		Callable<Object> task = (Callable<Object> & Serializable) () -> application.context().getId();
		start(archive, command, executorName, serializer.serialize(task), serializedApplication);
	}

	private static void start(WorkerArchive archive, WorkerCommand command, String executorName, byte[] task,
			byte @Nullable [] application) {
		Path file = archive.claimTraining();
		if (file != null) {
			Thread thread = new Thread(new ArchiveTraining(archive, file, command, executorName, task, application),
					executorName + "-archive");
			thread.setDaemon(true);
			thread.start();
		}
	}

	@Override
	public void run() {
		String name = this.executorName + "-archive";
		boolean complete = false;
		try {
			WorkerProcess worker = WorkerProcess.start(this.command.forTraining(this.file, this.executorName, name),
					this.executorName, name, true, null);
			try {
				if (this.application != null) {
					worker.startApplication(this.application);
				}
				worker.exchange(new RemoteTask<>(this.task, false));
			}
			finally {
				worker.stop();
			}
			complete = worker.endedNormally(System.nanoTime() + TIMEOUT.toNanos());
		}
		catch (IOException ex) {
			logger.debug("The worker process that creates the class data sharing archive " + this.archive
					+ " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.archive.install(this.file, complete);
		}
	}

}
