package dev.executor.process;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StreamCorruptedException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.executor.WorkerCrashedException;
import dev.executor.remote.Frames;
import dev.executor.remote.WorkerContext;
import dev.executor.remote.WorkerResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One worker JVM, seen from the application: its process, the streams tasks and results
 * travel on, and a thread that copies its standard error to the log, keeping the last
 * lines for crash reports. That thread also hears when the worker has started the
 * application context of job calls, see {@link ApplicationState}. Tasks are exchanged by
 * one thread at a time; {@link #kill()} may come from any thread.
 */
final class WorkerProcess {

	private static final Log logger = LogFactory.getLog(WorkerProcess.class);

	private static final int KEPT_LINES = 20;

	private static final long EXIT_WAIT_MILLIS = 5000;

	private final String executorName;

	private final String name;

	private final Process process;

	private final List<String> command;

	private final boolean quiet;

	private final DataOutputStream out;

	private final DataInputStream in;

	private final Deque<String> lastLines = new ArrayDeque<>(KEPT_LINES);

	private final Thread outputPump;

	private boolean ready;

	private int tasksRun;

	private volatile boolean killed;

	private volatile ApplicationState applicationState = ApplicationState.NOT_ASKED;

	private final @Nullable Consumer<WorkerProcess> applicationListener;

	private WorkerProcess(String executorName, String name, Process process, List<String> command, boolean quiet,
			@Nullable Consumer<WorkerProcess> applicationListener) {
		this.executorName = executorName;
		this.name = name;
		this.process = process;
		this.command = command;
		this.quiet = quiet;
		this.applicationListener = applicationListener;
		this.out = new DataOutputStream(process.getOutputStream());
		this.in = new DataInputStream(process.getInputStream());
		this.outputPump = new Thread(this::pumpOutput, name + "-output");
		this.outputPump.setDaemon(true);
		this.outputPump.start();
	}

	/**
	 * Start a worker process.
	 * @param command its command line
	 * @param executorName the name of the executor
	 * @param name the name of the worker
	 * @param quiet whether what the worker writes to standard error is logged at debug
	 * level only, rather than info
	 * @param applicationListener called, from another thread, when the worker is no longer
	 * {@link ApplicationState#STARTING starting} the application context of job calls,
	 * whether it has started it, failed to or ended; or {@code null}
	 * @return the worker
	 * @throws IOException if the process cannot be started
	 */
	static WorkerProcess start(List<String> command, String executorName, String name, boolean quiet,
			@Nullable Consumer<WorkerProcess> applicationListener) throws IOException {
		Process process = new ProcessBuilder(command).start();
		logger.debug("Started worker process " + name + " (pid " + process.pid() + ") of executor '" + executorName
				+ "'");
		return new WorkerProcess(executorName, name, process, command, quiet, applicationListener);
	}

	List<String> command() {
		return this.command;
	}

	String name() {
		return this.name;
	}

	ProcessHandle handle() {
		return this.process.toHandle();
	}

	int tasksRun() {
		return this.tasksRun;
	}

	boolean isAlive() {
		return !this.killed && this.process.isAlive();
	}

	boolean wasKilled() {
		return this.killed;
	}

	/**
	 * Wait until the worker JVM has started and greeted.
	 * @throws IOException if it ended first or greeted with something unexpected
	 */
	void awaitReady() throws IOException {
		if (!this.ready) {
			int magic = this.in.readInt();
			int version = this.in.readInt();
			if (magic != WorkerProtocol.MAGIC || version != WorkerProtocol.VERSION) {
				throw new StreamCorruptedException("Unexpected greeting " + Integer.toHexString(magic));
			}
			this.ready = true;
		}
	}

	/**
	 * Send a task and wait for the answer.
	 * @param task the task
	 * @return the answer
	 * @throws IOException if the worker ended or broke the protocol
	 */
	WorkerResponse exchange(RemoteTask<?> task) throws IOException {
		awaitReady();
		this.tasksRun++;
		synchronized (this.out) {
			this.out.writeByte(WorkerProtocol.TASK);
			// the pool thread holds the task's context, as the executor's propagation restored it
			WorkerContext.capture().write(this.out);
			Frames.writeBytes(this.out, task.payload());
			this.out.flush();
		}
		WorkerProtocol.spinForData(this.in);
		byte tag = this.in.readByte();
		if (tag == WorkerProtocol.RESULT) {
			return new WorkerResponse(false, Frames.readBytes(this.in), null, null);
		}
		if (tag == WorkerProtocol.FAILURE) {
			String className = Frames.readString(this.in);
			String message = Frames.readString(this.in);
			return new WorkerResponse(true, Frames.readBytes(this.in), className, message);
		}
		throw new StreamCorruptedException("Unexpected frame " + tag);
	}

	/**
	 * Return how far the worker is with the application context of job calls.
	 * @return the state of the worker's application context
	 */
	ApplicationState applicationState() {
		return this.applicationState;
	}

	/**
	 * Ask the worker to start the application context that job calls run in, in the
	 * background, unless it was asked before. May be called from any thread.
	 * @param application the serialised {@link WorkerApplication}
	 */
	void startApplication(byte[] application) {
		if (!changeApplicationState(ApplicationState.NOT_ASKED, ApplicationState.STARTING)) {
			return;
		}
		synchronized (this.out) {
			try {
				this.out.writeByte(WorkerProtocol.APPLICATION);
				Frames.writeBytes(this.out, application);
				this.out.flush();
			}
			catch (IOException ex) {
				// the worker is gone: the next task finds out and replaces it
				changeApplicationState(ApplicationState.STARTING, ApplicationState.FAILED);
			}
		}
	}

	/**
	 * End the process at once, whatever it is doing.
	 */
	void kill() {
		this.killed = true;
		this.process.destroyForcibly();
	}

	/**
	 * Ask the process to end by closing its standard input; an idle worker exits.
	 */
	void stop() {
		synchronized (this.out) {
			try {
				this.out.close();
			}
			catch (IOException ex) {
				// already gone
			}
		}
	}

	/**
	 * Wait until the process has ended, killing it if it takes longer than the deadline
	 * and then waiting until it has gone.
	 * @param deadline the deadline, in {@link System#nanoTime()} terms
	 * @throws InterruptedException if interrupted while waiting
	 */
	void awaitExit(long deadline) throws InterruptedException {
		if (!this.process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
			kill();
			this.process.waitFor();
		}
	}

	/**
	 * Run an action once the process has ended, on a thread the JDK chooses.
	 * @param action the action, which must be short
	 */
	void whenEnded(Runnable action) {
		this.process.onExit().thenRun(action);
	}

	/**
	 * Wait until the process has ended, ending it if it takes longer than the deadline.
	 * @param deadline the deadline, in {@link System#nanoTime()} terms
	 * @return whether it ended by itself with exit code 0
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean endedNormally(long deadline) throws InterruptedException {
		awaitExit(deadline);
		return !this.killed && this.process.exitValue() == 0;
	}

	/**
	 * Describe the end of a worker that ended on its own while it had a task.
	 * @return the failure of the task
	 * @throws InterruptedException if interrupted while waiting for the process to end
	 */
	WorkerCrashedException crashed() throws InterruptedException {
		awaitExit(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_WAIT_MILLIS));
		this.outputPump.join(EXIT_WAIT_MILLIS);
		return new WorkerCrashedException(this.executorName, this.name, this.process.pid(), this.process.exitValue(),
				lastLines());
	}

	/**
	 * Describe a worker that wrote something other than the protocol to its standard
	 * output, and end it.
	 * @param ex what reading its output failed with
	 * @return the failure of the task
	 */
	IllegalStateException corrupted(IOException ex) {
		kill();
		return new IllegalStateException("Worker process " + this.name + " (pid " + this.process.pid()
				+ ") of executor '" + this.executorName + "' wrote something other than results to its standard "
				+ "output (" + ex.getMessage() + ") and was ended. Standard output belongs to the executor: make "
				+ "sure no option in executor.process.jvm-args (such as an -Xlog without an output) and no native "
				+ "code writes to it", ex);
	}

	List<String> lastLines() {
		synchronized (this.lastLines) {
			return List.copyOf(this.lastLines);
		}
	}

	private void pumpOutput() {
		Charset charset = Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name()));
		InputStreamReader errors = new InputStreamReader(this.process.getErrorStream(), charset);
		try (BufferedReader reader = new BufferedReader(errors)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				line = applicationReport(line);
				if (line.isEmpty()) {
					continue;
				}
				keep(line);
				if (!this.quiet) {
					logger.info("[" + this.name + "] " + line);
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("[" + this.name + "] " + line);
				}
			}
		}
		catch (IOException ex) {
			// the process is gone
		}
		finally {
			applicationEnded(ApplicationState.FAILED);
		}
	}

	// what a task printed without a line break may come before the report
	private String applicationReport(String line) {
		if (line.endsWith(WorkerProtocol.APPLICATION_STARTED)) {
			applicationEnded(ApplicationState.STARTED);
			return line.substring(0, line.length() - WorkerProtocol.APPLICATION_STARTED.length());
		}
		if (line.endsWith(WorkerProtocol.APPLICATION_FAILED)) {
			applicationEnded(ApplicationState.FAILED);
			return line.substring(0, line.length() - WorkerProtocol.APPLICATION_FAILED.length());
		}
		return line;
	}

	private void applicationEnded(ApplicationState state) {
		if (changeApplicationState(ApplicationState.STARTING, state) && this.applicationListener != null) {
			this.applicationListener.accept(this);
		}
	}

	private synchronized boolean changeApplicationState(ApplicationState from, ApplicationState to) {
		if (this.applicationState != from) {
			return false;
		}
		this.applicationState = to;
		return true;
	}

	private void keep(String line) {
		synchronized (this.lastLines) {
			if (this.lastLines.size() == KEPT_LINES) {
				this.lastLines.removeFirst();
			}
			this.lastLines.addLast(line);
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + this.process.pid() + ")";
	}

	/**
	 * How far a worker is with the application context of job calls.
	 */
	enum ApplicationState {

		/**
		 * The worker has not been asked to start it.
		 */
		NOT_ASKED,

		/**
		 * The worker is starting it in the background.
		 */
		STARTING,

		/**
		 * The worker has started it: job calls run at once.
		 */
		STARTED,

		/**
		 * The start failed, or the worker ended first; a job call tries again.
		 */
		FAILED

	}

}
