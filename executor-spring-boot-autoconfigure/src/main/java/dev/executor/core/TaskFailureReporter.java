package dev.executor.core;

import java.util.List;
import java.util.function.Consumer;

import dev.executor.FutureProxy;
import dev.executor.TaskFailedEvent;
import dev.executor.TaskFailureHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Reports a task failure once: logs it at ERROR on the logger
 * {@code dev.executor.tasks.<executor name>} with its key and stack trace, hands it to
 * every {@link TaskFailureHandler} and publishes it as a {@link TaskFailedEvent}.
 * <p>
 * Part of the implementation, not an extension point: applications implement
 * {@link TaskFailureHandler} or listen to the event instead.
 */
public class TaskFailureReporter {

	/**
	 * The prefix of the names of the loggers task failures are logged on.
	 */
	public static final String LOGGER_PREFIX = "dev.executor.tasks.";

	private final List<TaskFailureHandler> handlers;

	private final Consumer<TaskFailedEvent> publisher;

	/**
	 * Create a new reporter.
	 * @param handlers the handlers, in order
	 * @param publisher the publisher of failure events
	 */
	public TaskFailureReporter(List<TaskFailureHandler> handlers, Consumer<TaskFailedEvent> publisher) {
		this.handlers = List.copyOf(handlers);
		this.publisher = publisher;
	}

	/**
	 * Report a failure.
	 * @param future the future of the failed task
	 * @param exception the exception it failed with
	 */
	public void report(FutureProxy<?> future, Throwable exception) {
		report(future, exception, "Task");
	}

	/**
	 * Report a failure of something more specific than a task, such as a job method.
	 * @param future the future of the failed task
	 * @param exception the exception it failed with
	 * @param what what failed, for example {@code "Job ReportService.render(String)"}
	 */
	public void report(FutureProxy<?> future, Throwable exception, String what) {
		Log logger = LogFactory.getLog(LOGGER_PREFIX + future.executorName());
		String description = describe(what, future);
		logger.error(description, exception);
		TaskFailedEvent event = new TaskFailedEvent(future, exception);
		for (TaskFailureHandler handler : this.handlers) {
			try {
				handler.handleFailure(event);
			}
			catch (RuntimeException ex) {
				logger.error("Failure handler " + handler + " failed while handling: " + description, ex);
			}
		}
		try {
			this.publisher.accept(event);
		}
		catch (RuntimeException ex) {
			// a listener must not end the pool thread that reports the failure
			logger.error("A listener of " + TaskFailedEvent.class.getSimpleName() + " failed while handling: "
					+ description, ex);
		}
	}

	private static String describe(String what, FutureProxy<?> future) {
		String attempts = (future.attempts() > 1) ? " after " + future.attempts() + " attempts" : "";
		return what + future.key().map((key) -> " '" + key + "'").orElse("") + " on executor '"
				+ future.executorName() + "' failed" + attempts;
	}

}
