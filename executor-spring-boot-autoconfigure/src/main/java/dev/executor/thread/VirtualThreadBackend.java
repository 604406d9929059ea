package dev.executor.thread;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

import dev.executor.ExecutorSpec;
import dev.executor.spi.InvalidExecutorPropertyException;

import org.springframework.boot.system.JavaVersion;
import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * The {@code virtual} executor type: a task starts a new virtual thread while fewer than
 * {@code max-workers} exist, else it waits in the queue for one of them; idle ones end
 * after a minute. A thread pool whose threads are virtual, made by Spring's
 * {@link VirtualThreadTaskExecutor}, rather than a
 * {@code SimpleAsyncTaskExecutor} because the latter blocks the submitting thread at its
 * concurrency limit instead of queueing. Needs Java 21 or later.
 */
public class VirtualThreadBackend extends ThreadPoolBackend {

	/**
	 * The name of this type.
	 */
	public static final String NAME = "virtual";

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * Return {@link Integer#MAX_VALUE}: virtual threads are cheap, so by default the
	 * number that run at once is not limited.
	 * @return the default maximum number of workers
	 */
	@Override
	public int defaultMaxWorkers() {
		return Integer.MAX_VALUE;
	}

	@Override
	public ExecutorService create(ExecutorSpec spec) {
		if (!JavaVersion.getJavaVersion().isEqualOrNewerThan(JavaVersion.TWENTY_ONE)) {
			throw new InvalidExecutorPropertyException(spec.propertyPrefix() + ".type", NAME,
					"virtual threads need Java 21 or later, but the application runs on Java "
							+ System.getProperty("java.version"),
					"Run the application on Java 21 or later, or set " + spec.propertyPrefix()
							+ ".type to 'thread'");
		}
		return super.create(spec);
	}

	/**
	 * Return a factory of virtual threads named after the thread name prefix.
	 * @param spec the executor's settings
	 * @return the factory
	 */
	@Override
	protected ThreadFactory threadFactory(ExecutorSpec spec) {
		return new VirtualThreadTaskExecutor(spec.threadNamePrefix()).getVirtualThreadFactory();
	}

	@Override
	public String toString() {
		return "built-in executor type '" + NAME + "'";
	}

}
