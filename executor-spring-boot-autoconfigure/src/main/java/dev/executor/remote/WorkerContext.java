package dev.executor.remote;

import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The part of the submitting thread's context that travels into a worker process: the
 * MDC entries and, with Spring Security, the serialisable {@code Authentication}. Both
 * are set around the task in the worker and cleared after it. Shared with the other
 * executor types whose tasks leave the JVM.
 */
public final class WorkerContext {

	/**
	 * The context that carries nothing.
	 */
	public static final WorkerContext EMPTY = new WorkerContext(Map.of(), null);

	private static final boolean securityPresent = isPresent(
			"org.springframework.security.core.context.SecurityContextHolder");

	private final Map<String, String> mdc;

	private final byte @Nullable [] authentication;

	private WorkerContext(Map<String, String> mdc, byte @Nullable [] authentication) {
		this.mdc = mdc;
		this.authentication = authentication;
	}

	/**
	 * Capture the context of the current thread.
	 * @return the context
	 */
	public static WorkerContext capture() {
		Map<String, String> mdc = MDC.getCopyOfContextMap();
		byte[] authentication = securityPresent ? Security.captureAuthentication() : null;
		if ((mdc == null || mdc.isEmpty()) && authentication == null) {
			return EMPTY;
		}
		return new WorkerContext((mdc != null) ? mdc : Map.of(), authentication);
	}

	/**
	 * Write this context.
	 * @param out where to write it
	 * @throws IOException if writing fails
	 */
	public void write(DataOutput out) throws IOException {
		out.writeInt(this.mdc.size());
		for (Map.Entry<String, String> entry : this.mdc.entrySet()) {
			Frames.writeString(out, entry.getKey());
			Frames.writeString(out, entry.getValue());
		}
		Frames.writeBytes(out, this.authentication);
	}

	/**
	 * Read a context written by {@link #write(DataOutput)}.
	 * @param in where to read it from
	 * @return the context
	 * @throws IOException if reading fails
	 */
	public static WorkerContext read(DataInputStream in) throws IOException {
		int entries = in.readInt();
		Map<String, String> mdc = (entries > 0) ? new LinkedHashMap<>() : Map.of();
		for (int i = 0; i < entries; i++) {
			mdc.put(Frames.readString(in), Frames.readString(in));
		}
		byte[] authentication = Frames.readBytes(in);
		return (entries == 0 && authentication == null) ? EMPTY : new WorkerContext(mdc, authentication);
	}

	/**
	 * Set this context on the current thread of a worker process.
	 * @param serialization how to deserialise the application's classes
	 * @return what to close when the task ends
	 * @throws Exception if the authentication cannot be deserialised
	 */
	public AutoCloseable apply(Serialization serialization) throws Exception {
		if (this == EMPTY) {
			return () -> {
			};
		}
		if (!this.mdc.isEmpty()) {
			MDC.setContextMap(this.mdc);
		}
		if (this.authentication != null) {
			Security.setAuthentication(this.authentication, serialization);
		}
		return this::clear;
	}

	private void clear() {
		if (!this.mdc.isEmpty()) {
			MDC.clear();
		}
		if (this.authentication != null) {
			Security.clear();
		}
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, WorkerContext.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Access to Spring Security, loaded only when it is on the classpath.
	 */
	private static final class Security {

		static byte @Nullable [] captureAuthentication() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null) {
				return null;
			}
			try {
				return Serialization.serialize(authentication);
			}
			catch (IOException ex) {
				// a principal that cannot be serialised stays behind, as documented
				return null;
			}
		}

		static void setAuthentication(byte[] bytes, Serialization serialization) throws Exception {
			Authentication authentication = (Authentication) serialization.deserialize(bytes);
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
		}

		static void clear() {
			SecurityContextHolder.clearContext();
		}

	}

}
