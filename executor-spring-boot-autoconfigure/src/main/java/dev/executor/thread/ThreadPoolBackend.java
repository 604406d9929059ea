package dev.executor.thread;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

import dev.executor.ExecutorSpec;
import dev.executor.core.ThreadPools;
import dev.executor.spi.ExecutorBackend;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The {@code thread} executor type: a pool of {@code max-workers} platform threads in
 * front of a queue of {@code queue-capacity} tasks, named by Spring's
 * {@link CustomizableThreadFactory}. Idle threads end after a minute and are started
 * again on demand (see {@link ThreadPools}).
 */
public class ThreadPoolBackend implements ExecutorBackend {

	/**
	 * The name of this type.
	 */
	public static final String NAME = "thread";

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * Return {@code min(32, processors + 4)}: enough threads to overlap some blocking
	 * with computation, bounded so that large machines do not start hundreds of threads.
	 * @return the default maximum number of workers
	 */
	@Override
	public int defaultMaxWorkers() {
		return Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
	}

	@Override
	public ExecutorService create(ExecutorSpec spec) {
		return ThreadPools.create(spec, threadFactory(spec));
	}

	/**
	 * Return the factory of the threads of the given executor's pool.
	 * @param spec the executor's settings
	 * @return a factory of platform threads named after the thread name prefix
	 */
	protected ThreadFactory threadFactory(ExecutorSpec spec) {
		return new CustomizableThreadFactory(spec.threadNamePrefix());
	}

	@Override
	public String toString() {
		return "built-in executor type '" + NAME + "'";
	}

}
