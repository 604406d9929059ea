package dev.executor.process;

import java.io.IOException;
import java.io.InputStream;

/**
 * The frames exchanged over a worker's standard input and output. The worker greets with
 * {@link #MAGIC} and {@link #VERSION}, then answers every {@link #TASK} frame with one
 * {@link #RESULT} or {@link #FAILURE} frame. An {@link #APPLICATION} frame, which has no
 * answer on standard output, asks the worker to start the application context of job
 * calls in the background; once the start has succeeded or failed, the worker writes
 * {@link #APPLICATION_STARTED} or {@link #APPLICATION_FAILED} as a line of its standard
 * error, which the application reads all the time, so that it hears of it even while the
 * worker is idle. Payloads are serialised before they are framed as
 * {@link dev.executor.remote.Frames fields}, so the streams themselves keep no state
 * between tasks.
 */
final class WorkerProtocol {

	static final int MAGIC = 0x45584543;

	static final int VERSION = 3;

	static final byte TASK = 'T';

	static final byte RESULT = 'R';

	static final byte FAILURE = 'F';

	static final byte APPLICATION = 'A';

	// control characters that no log line starts with keep these apart from the log
	static final String APPLICATION_STARTED = "\u0001executor-worker:application-started\u0002";

	static final String APPLICATION_FAILED = "\u0001executor-worker:application-failed\u0002";

	/**
	 * How long a side polls for the other's next frame before it blocks. Waking a blocked
	 * thread or process costs tens of microseconds, more than a short task, so after each
	 * frame the waiting side polls for a moment, yielding to any thread that has work; a
	 * side that waits longer blocks and costs nothing.
	 */
	static final long SPIN_NANOS = 50_000;

	private WorkerProtocol() {
	}

	/**
	 * Poll until the stream has data or {@link #SPIN_NANOS} have passed.
	 * @param in the stream
	 * @throws IOException if the stream fails
	 */
	static void spinForData(InputStream in) throws IOException {
		long deadline = System.nanoTime() + SPIN_NANOS;
		while (in.available() == 0 && System.nanoTime() - deadline < 0) {
			Thread.yield();
		}
	}

}
