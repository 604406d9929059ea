package dev.executor;

import org.jspecify.annotations.Nullable;

/**
 * Stands in for an exception thrown by a task in a worker process that could not travel
 * back as itself, because it, or something it holds, cannot be serialised or
 * deserialised. It keeps the original class name, message and stack trace, and stands in
 * for the original cause the same way.
 */
public class RemoteTaskException extends RuntimeException {

	private final String remoteClassName;

	/**
	 * Create a new instance.
	 * @param remoteClassName the class name of the original exception
	 * @param message the message of the original exception
	 * @param cause the stand-in for the original cause, if any
	 */
	public RemoteTaskException(String remoteClassName, @Nullable String message, @Nullable Throwable cause) {
		super(remoteClassName + ((message != null) ? ": " + message : ""), cause);
		this.remoteClassName = remoteClassName;
	}

	/**
	 * Return the class name of the exception the task threw.
	 * @return the class name
	 */
	public String getRemoteClassName() {
		return this.remoteClassName;
	}

}
