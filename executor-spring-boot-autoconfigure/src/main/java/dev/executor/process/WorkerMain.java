package dev.executor.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.PrintStream;
import java.io.StreamCorruptedException;
import java.util.Objects;
import java.util.concurrent.Callable;

import dev.executor.RemoteTaskException;
import dev.executor.TaskNotSerializableException;
import dev.executor.remote.Frames;
import dev.executor.remote.Serialization;
import dev.executor.remote.WorkerContext;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of a worker process of a {@code process} executor. It reads tasks from
 * its standard input and writes their results to its standard output, one at a time, in
 * the thread that runs {@code main}. {@code System.out} is redirected to standard error
 * so that what tasks print cannot corrupt the results; standard error ends up in the
 * application's log.
 * <p>
 * A worker ends when its standard input closes, which happens when the executor stops
 * it or the application's JVM ends, and, should it be busy then, when a watchdog sees
 * that the application's process is gone.
 */
public final class WorkerMain {

	private static final int BUFFER_SIZE = 64 * 1024;

	private static final int EXIT_PROTOCOL_ERROR = 2;

	private static final int EXIT_ORPHANED = 3;

	private static volatile boolean workerProcess;

	private final DataInputStream in;

	private final DataOutputStream out;

	private final Serialization serialization;

	private final String executorName;

	private final String workerName;

	private final PrintStream control;

	private boolean backToBack = true;

	private WorkerMain(DataInputStream in, DataOutputStream out, PrintStream control, String executorName,
			String workerName) {
		this.in = in;
		this.out = out;
		this.control = control;
		this.serialization = new Serialization(WorkerMain.class.getClassLoader());
		this.executorName = executorName;
		this.workerName = workerName;
	}

	/**
	 * Serve tasks until standard input closes.
	 * @param args the name of the executor and the name of this worker
	 */
	public static void main(String[] args) {
		workerProcess = true;
		FileOutputStream results = new FileOutputStream(FileDescriptor.out);
		// what tasks do with System.err does not silence the worker's reports
		PrintStream control = System.err;
		System.setOut(System.err);
		Thread.currentThread().setName(args[1]);
		Thread.currentThread().setContextClassLoader(WorkerMain.class.getClassLoader());
		watchParent();
		DataInputStream in = new DataInputStream(
				new BufferedInputStream(new FileInputStream(FileDescriptor.in), BUFFER_SIZE));
		DataOutputStream out = new DataOutputStream(new BufferedOutputStream(results, BUFFER_SIZE));
		try {
			new WorkerMain(in, out, control, args[0], args[1]).serve();
		}
		catch (IOException ex) {
			System.err.println("Worker " + args[1] + " cannot go on: " + ex);
			System.exit(EXIT_PROTOCOL_ERROR);
		}
		System.exit(0);
	}

	/**
	 * Return whether the running JVM is a worker process. Executors of type
	 * {@code process} declared in a worker (by the application context that
	 * {@link dev.executor.Job @Job} methods run in) run their tasks in the worker itself.
	 * @return whether this JVM is a worker process
	 */
	public static boolean isWorkerProcess() {
		return workerProcess;
	}

	private static void watchParent() {
		ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
		if (parent == null) {
			return;
		}
		Thread watchdog = new Thread(() -> {
			while (parent.isAlive()) {
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			Runtime.getRuntime().halt(EXIT_ORPHANED);
		}, "parent-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	private void serve() throws IOException {
		this.out.writeInt(WorkerProtocol.MAGIC);
		this.out.writeInt(WorkerProtocol.VERSION);
		this.out.flush();
		for (int tag = this.in.read(); tag != -1; tag = nextTag()) {
			if (tag == WorkerProtocol.APPLICATION) {
				startApplication(Frames.readBytes(this.in));
				continue;
			}
			if (tag != WorkerProtocol.TASK) {
				throw new StreamCorruptedException("Unexpected frame " + tag);
			}
			WorkerContext context = WorkerContext.read(this.in);
			byte[] task = Frames.readBytes(this.in);
			if (task == null) {
				throw new StreamCorruptedException("Task frame without a task");
			}
			run(context, task);
			this.out.flush();
		}
	}

	// in the background, so that tasks that need no application context do not wait for it
	private void startApplication(byte @Nullable [] bytes) throws IOException {
		WorkerApplication application;
		try {
			application = (WorkerApplication) this.serialization.deserialize(Objects.requireNonNull(bytes));
		}
		catch (ClassNotFoundException | RuntimeException ex) {
			throw new StreamCorruptedException("Unreadable application frame: " + ex);
		}
		Thread starter = new Thread(() -> {
			boolean started = false;
			try {
				Objects.requireNonNull(application).context();
				started = true;
			}
			catch (Throwable ex) {
				System.err.println("Worker " + this.workerName + " could not start the application context of job "
						+ "calls; the first job call tries again: " + ex);
			}
			finally {
				this.control.println(started ? WorkerProtocol.APPLICATION_STARTED : WorkerProtocol.APPLICATION_FAILED);
				this.control.flush();
			}
		}, this.workerName + "-application");
		starter.setContextClassLoader(WorkerMain.class.getClassLoader());
		starter.setDaemon(true);
		starter.start();
	}

	private int nextTag() throws IOException {
		long answered = System.nanoTime();
		// poll only while tasks come back to back, not for a worker that tasks skip
		if (this.backToBack) {
			WorkerProtocol.spinForData(this.in);
		}
		int tag = this.in.read();
		this.backToBack = System.nanoTime() - answered < WorkerProtocol.SPIN_NANOS;
		return tag;
	}

	private void run(WorkerContext context, byte[] task) throws IOException {
		Object result;
		try (AutoCloseable scope = context.apply(this.serialization)) {
			Callable<?> callable = (Callable<?>) this.serialization.deserialize(task);
			result = Objects.requireNonNull(callable, "a task").call();
		}
		catch (Throwable ex) {
			writeFailure(ex);
			return;
		}
		writeResult(result);
	}

	private void writeResult(@Nullable Object result) throws IOException {
		byte[] bytes;
		try {
			bytes = (result != null) ? Serialization.serialize(result) : null;
		}
		catch (NotSerializableException ex) {
			writeFailure(resultNotSerializable(result, ex));
			return;
		}
		catch (IOException | RuntimeException ex) {
			writeFailure(ex);
			return;
		}
		this.out.writeByte(WorkerProtocol.RESULT);
		Frames.writeBytes(this.out, bytes);
	}

	private TaskNotSerializableException resultNotSerializable(Object result, NotSerializableException ex) {
		String className = String.valueOf(ex.getMessage());
		String within = className.equals(result.getClass().getName()) ? ""
				: " (in the result, a " + result.getClass().getName() + ")";
		return new TaskNotSerializableException("The result of a task on executor '" + this.executorName
				+ "' cannot be sent back from worker process " + this.workerName + ": " + className
				+ " is not serializable" + within + "; return a serializable value", this.executorName, className,
				null);
	}

	private void writeFailure(Throwable failure) throws IOException {
		byte[] bytes;
		try {
			bytes = Serialization.serialize(failure);
		}
		catch (IOException | RuntimeException ex) {
			bytes = Serialization.serialize(Serialization.standIn(failure));
		}
		this.out.writeByte(WorkerProtocol.FAILURE);
		Frames.writeString(this.out, failure.getClass().getName());
		Frames.writeString(this.out, failure.getMessage());
		Frames.writeBytes(this.out, bytes);
	}

}
