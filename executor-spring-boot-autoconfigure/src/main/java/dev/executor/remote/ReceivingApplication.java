package dev.executor.remote;

import java.io.Serial;
import java.util.concurrent.Callable;

import dev.executor.spi.ApplicationContextSource;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;

/**
 * The application context of the instance that runs a task another instance submitted,
 * such as the task of a lost instance that a survivor of the database store runs again.
 * Work that travels finds its beans through it while {@link #call} runs it.
 *
 * @since 0.1.0
 */
public final class ReceivingApplication implements ApplicationContextSource {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final ThreadLocal<@Nullable ApplicationContext> current = new ThreadLocal<>();

	/**
	 * Run a task that arrived from another instance in the current thread, with the given
	 * application context as the one it finds its beans in.
	 * @param <T> the result type
	 * @param context the application context of this instance
	 * @param task the task
	 * @return what the task returns
	 * @throws Exception what the task throws
	 */
	public static <T extends @Nullable Object> T call(ApplicationContext context, Callable<T> task) throws Exception {
		ApplicationContext previous = current.get();
		current.set(context);
		try {
			return task.call();
		}
		finally {
			if (previous != null) {
				current.set(previous);
			}
			else {
				current.remove();
			}
		}
	}

	@Override
	public ApplicationContext context() {
		ApplicationContext context = current.get();
		if (context == null) {
			throw new IllegalStateException("Work sent by another application instance ran outside the application "
					+ "context of the instance that received it");
		}
		return context;
	}

}
