package dev.executor.process;

import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The frames exchanged over a worker's standard input and output. The worker greets with
 * {@link #MAGIC} and {@link #VERSION}, then answers every {@link #TASK} frame with one
 * {@link #RESULT} or {@link #FAILURE} frame. Payloads are serialised before they are
 * framed, so the streams themselves keep no state between tasks.
 */
final class WorkerProtocol {

	static final int MAGIC = 0x45584543;

	static final int VERSION = 1;

	static final byte TASK = 'T';

	static final byte RESULT = 'R';

	static final byte FAILURE = 'F';

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

	static void writeBytes(DataOutput out, byte @Nullable [] bytes) throws IOException {
		if (bytes == null) {
			out.writeInt(-1);
			return;
		}
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	static byte @Nullable [] readBytes(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < -1) {
			throw new StreamCorruptedException("Invalid frame length " + length);
		}
		if (length == -1) {
			return null;
		}
		// read in chunks rather than trusting the length with one allocation
		byte[] bytes = in.readNBytes(length);
		if (bytes.length != length) {
			throw new EOFException("Frame ended after " + bytes.length + " of " + length + " bytes");
		}
		return bytes;
	}

	static void writeString(DataOutput out, @Nullable String value) throws IOException {
		writeBytes(out, (value != null) ? value.getBytes(StandardCharsets.UTF_8) : null);
	}

	static @Nullable String readString(DataInputStream in) throws IOException {
		byte[] bytes = readBytes(in);
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

}
