package dev.executor.actuate.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.executor.ExecutorStats;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.actuate.health.ExecutorStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The descriptions that the {@link ExecutorsEndpoint} answers with, as JSON.
 *
 * @since 0.1.0
 */
public final class ExecutorsEndpointDescriptors {

	private ExecutorsEndpointDescriptors() {
	}

	/**
	 * Description of every executor.
	 */
	public static final class ExecutorsDescriptor implements OperationResponseBody {

		private final Map<String, ExecutorDescriptor> executors;

		ExecutorsDescriptor(Map<String, ExecutorDescriptor> executors) {
			this.executors = executors;
		}

		public Map<String, ExecutorDescriptor> getExecutors() {
			return this.executors;
		}

	}

	/**
	 * Description of an executor, its pool figures and its health.
	 */
	public static class ExecutorDescriptor {

		private final String type;

		private final ExecutorStats stats;

		private final HealthDescriptor health;

		ExecutorDescriptor(ManagedExecutor executor) {
			this.type = executor.type();
			this.stats = executor.stats();
			this.health = new HealthDescriptor(ExecutorStatus.downReason(executor, this.stats).orElse(null));
		}

		public String getType() {
			return this.type;
		}

		public int getMaxWorkers() {
			return this.stats.maxWorkers();
		}

		public int getActive() {
			return this.stats.active();
		}

		public int getQueued() {
			return this.stats.queued();
		}

		public long getCompleted() {
			return this.stats.completed();
		}

		public long getFailed() {
			return this.stats.failed();
		}

		public long getCancelled() {
			return this.stats.cancelled();
		}

		public long getRejected() {
			return this.stats.rejected();
		}

		public long getRetries() {
			return this.stats.retries();
		}

		public int getStoredFutures() {
			return this.stats.storedFutures();
		}

		public HealthDescriptor getHealth() {
			return this.health;
		}

	}

	/**
	 * Description of an executor's health, as its health indicator reports it.
	 */
	public static final class HealthDescriptor {

		private final @Nullable String reason;

		HealthDescriptor(@Nullable String reason) {
			this.reason = reason;
		}

		public String getStatus() {
			return (this.reason != null) ? "DOWN" : "UP";
		}

		public @Nullable String getReason() {
			return this.reason;
		}

	}

	/**
	 * Description of an executor with its stored futures.
	 */
	public static final class ExecutorDetailsDescriptor extends ExecutorDescriptor implements OperationResponseBody {

		private final String name;

		private final List<FutureDescriptor> futures;

		ExecutorDetailsDescriptor(ManagedExecutor executor, List<FutureDescriptor> futures) {
			super(executor);
			this.name = executor.name();
			this.futures = futures;
		}

		public String getName() {
			return this.name;
		}

		public List<FutureDescriptor> getFutures() {
			return this.futures;
		}

	}

	/**
	 * Description of a stored future: its state, the times of its task and how many
	 * attempts of it have started.
	 */
	public static class FutureDescriptor implements OperationResponseBody {

		private final @Nullable String key;

		private final FutureState state;

		private final @Nullable Instant submitted;

		private final @Nullable Instant started;

		private final @Nullable Instant finished;

		private final @Nullable Duration duration;

		private final int attempts;

		FutureDescriptor(FutureProxy<?> future) {
			this.key = future.key().orElse(null);
			this.state = future.state();
			this.submitted = future.submitted().orElse(null);
			this.started = future.started().orElse(null);
			this.finished = future.finished().orElse(null);
			this.duration = future.duration().orElse(null);
			this.attempts = future.attempts();
		}

		public @Nullable String getKey() {
			return this.key;
		}

		public FutureState getState() {
			return this.state;
		}

		public @Nullable Instant getSubmitted() {
			return this.submitted;
		}

		public @Nullable Instant getStarted() {
			return this.started;
		}

		public @Nullable Instant getFinished() {
			return this.finished;
		}

		public @Nullable Duration getDuration() {
			return this.duration;
		}

		public int getAttempts() {
			return this.attempts;
		}

	}

	/**
	 * Description of a stored future with its executor, and its result or exception, or,
	 * while it waits for another attempt, the failure of the last one.
	 */
	public static final class FutureDetailsDescriptor extends FutureDescriptor {

		private final String executor;

		private final @Nullable Object result;

		private final @Nullable ExceptionDescriptor exception;

		private final @Nullable ExceptionDescriptor lastFailure;

		FutureDetailsDescriptor(FutureProxy<?> future, @Nullable Object result, @Nullable ExceptionDescriptor exception,
				@Nullable ExceptionDescriptor lastFailure) {
			super(future);
			this.executor = future.executorName();
			this.result = result;
			this.exception = exception;
			this.lastFailure = lastFailure;
		}

		public String getExecutor() {
			return this.executor;
		}

		public @Nullable Object getResult() {
			return this.result;
		}

		public @Nullable ExceptionDescriptor getException() {
			return this.exception;
		}

		/**
		 * Return why the last attempt failed while the future waits for its next one.
		 * @return the failure of the last attempt, or {@code null} unless a retry is due
		 */
		public @Nullable ExceptionDescriptor getLastFailure() {
			return this.lastFailure;
		}

	}

	/**
	 * Description of the exception a future failed with, and its stack trace.
	 */
	public static final class ExceptionDescriptor {

		private final String type;

		private final @Nullable String message;

		private final String stackTrace;

		ExceptionDescriptor(String type, @Nullable String message, String stackTrace) {
			this.type = type;
			this.message = message;
			this.stackTrace = stackTrace;
		}

		public String getType() {
			return this.type;
		}

		public @Nullable String getMessage() {
			return this.message;
		}

		public String getStackTrace() {
			return this.stackTrace;
		}

	}

}
