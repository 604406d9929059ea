package dev.executor.jdbc;

import dev.executor.FutureState;
import org.jspecify.annotations.Nullable;

/**
 * One row of the table of stored futures.
 *
 * @param id the row's number, which orders the keys as they were submitted
 * @param key the key the future was stored under
 * @param popped whether it was popped: its key is free again and only views of the
 * future still read it
 * @param ownerId the id of the instance that runs the task
 * @param ownerName the process and host of that instance
 * @param state the state recorded so far
 * @param finishedAt when the outcome was recorded, in epoch milliseconds, {@code null}
 * while unfinished
 * @param failureClass the class of the exception the task failed with
 * @param message the exception's message, or why the result could not be stored
 * @param payload the serialised result or exception
 */
record FutureRow(long id, String key, boolean popped, String ownerId, String ownerName, FutureState state,
		@Nullable Long finishedAt, @Nullable String failureClass, @Nullable String message,
		byte @Nullable [] payload) {

	boolean isFinished() {
		return this.finishedAt != null;
	}

}
