package dev.executor;

import java.util.List;
import java.util.OptionalInt;

/**
 * The failure of a task whose worker process ended while it ran: the task called
 * {@code System.exit}, the process ran out of memory, crashed or was killed. Only the
 * task that ran in the process fails; the process is replaced and other tasks go on.
 */
public class WorkerCrashedException extends RuntimeException {

	private final String executorName;

	private final String workerName;

	private final long pid;

	private final int exitCode;

	private final List<String> lastOutput;

	/**
	 * Create a new instance.
	 * @param executorName the name of the executor
	 * @param workerName the name of the worker process, such as {@code reports-worker-2}
	 * @param pid the process id of the worker
	 * @param exitCode the exit code of the worker process
	 * @param lastOutput the last lines the worker process wrote to its standard error
	 */
	public WorkerCrashedException(String executorName, String workerName, long pid, int exitCode,
			List<String> lastOutput) {
		super(describe(executorName, workerName, pid, exitCode, lastOutput));
		this.executorName = executorName;
		this.workerName = workerName;
		this.pid = pid;
		this.exitCode = exitCode;
		this.lastOutput = List.copyOf(lastOutput);
	}

	private static String describe(String executorName, String workerName, long pid, int exitCode,
			List<String> lastOutput) {
		StringBuilder message = new StringBuilder("Worker process ").append(workerName)
			.append(" (pid ")
			.append(pid)
			.append(") of executor '")
			.append(executorName)
			.append("' ended before the task finished, with exit code ")
			.append(exitCode);
		if (exitCode > 128) {
			message.append(" (killed by signal ").append(exitCode - 128).append(')');
		}
		if (lastOutput.isEmpty()) {
			return message.append("; it wrote nothing to its standard error").toString();
		}
		message.append("; its last output was:");
		lastOutput.forEach((line) -> message.append(System.lineSeparator()).append("    ").append(line));
		return message.toString();
	}

	/**
	 * Return the name of the executor that ran the task.
	 * @return the executor name
	 */
	public String getExecutorName() {
		return this.executorName;
	}

	/**
	 * Return the name of the worker process that ended, such as {@code reports-worker-2}.
	 * @return the worker name
	 */
	public String getWorkerName() {
		return this.workerName;
	}

	/**
	 * Return the process id of the worker that ended.
	 * @return the process id
	 */
	public long getPid() {
		return this.pid;
	}

	/**
	 * Return the exit code of the worker process.
	 * @return the exit code
	 */
	public int getExitCode() {
		return this.exitCode;
	}

	/**
	 * Return the signal that ended the worker process, when its exit code says it was
	 * killed by one (an exit code above 128).
	 * @return the signal number, if any
	 */
	public OptionalInt getSignal() {
		return (this.exitCode > 128) ? OptionalInt.of(this.exitCode - 128) : OptionalInt.empty();
	}

	/**
	 * Return the last lines the worker process wrote to its standard error before it
	 * ended, oldest first.
	 * @return the last lines of output
	 */
	public List<String> getLastOutput() {
		return this.lastOutput;
	}

}
