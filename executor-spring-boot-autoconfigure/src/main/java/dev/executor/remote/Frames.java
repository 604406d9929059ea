package dev.executor.remote;

import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Length-prefixed fields, the unit of everything written to a worker process's streams
 * or into a cluster member's task: a length of {@code -1} stands for {@code null}.
 *
 * @since 0.1.0
 */
public final class Frames {

	private Frames() {
	}

	/**
	 * Write a length-prefixed byte array.
	 * @param out the stream
	 * @param bytes the bytes, {@code null} written as length {@code -1}
	 * @throws IOException if the stream fails
	 */
	public static void writeBytes(DataOutput out, byte @Nullable [] bytes) throws IOException {
		if (bytes == null) {
			out.writeInt(-1);
			return;
		}
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	/**
	 * Read a byte array written by {@link #writeBytes(DataOutput, byte[])}.
	 * @param in the stream
	 * @return the bytes, or {@code null}
	 * @throws IOException if the stream fails or ends early
	 */
	public static byte @Nullable [] readBytes(DataInputStream in) throws IOException {
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

	/**
	 * Write a string as length-prefixed UTF-8.
	 * @param out the stream
	 * @param value the string, or {@code null}
	 * @throws IOException if the stream fails
	 */
	public static void writeString(DataOutput out, @Nullable String value) throws IOException {
		writeBytes(out, (value != null) ? value.getBytes(StandardCharsets.UTF_8) : null);
	}

	/**
	 * Read a string written by {@link #writeString(DataOutput, String)}.
	 * @param in the stream
	 * @return the string, or {@code null}
	 * @throws IOException if the stream fails or ends early
	 */
	public static @Nullable String readString(DataInputStream in) throws IOException {
		byte[] bytes = readBytes(in);
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

}
