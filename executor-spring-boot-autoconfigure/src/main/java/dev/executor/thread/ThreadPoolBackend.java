package dev.executor.thread;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import dev.executor.ExecutorBackend;
import dev.executor.ExecutorSpec;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The {@code thread} executor type: a pool of {@code max-workers} platform threads in
 * front of a queue of {@code queue-capacity} tasks, built with Spring's
 * {@link ThreadPoolTaskExecutorBuilder}. Idle threads end after a minute and are started
 * again on demand.
 */
public class ThreadPoolBackend implements ExecutorBackend {

	/**
	 * The name of this type.
	 */
	public static final String NAME = "thread";

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

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
		ThreadPoolTaskExecutor taskExecutor = builder(spec).build();
		taskExecutor.initialize();
		return taskExecutor.getThreadPoolExecutor();
	}

	/**
	 * Return a builder of the pool of the given executor.
	 * @param spec the executor's settings
	 * @return the builder
	 */
	protected ThreadPoolTaskExecutorBuilder builder(ExecutorSpec spec) {
		Integer queueCapacity = spec.queueCapacity();
		return new ThreadPoolTaskExecutorBuilder().corePoolSize(spec.maxWorkers())
			.maxPoolSize(spec.maxWorkers())
			.queueCapacity((queueCapacity != null) ? queueCapacity : Integer.MAX_VALUE)
			.allowCoreThreadTimeOut(true)
			.keepAlive(KEEP_ALIVE)
			.threadNamePrefix(spec.threadNamePrefix());
	}

	@Override
	public String toString() {
		return "built-in executor type '" + NAME + "'";
	}

}
