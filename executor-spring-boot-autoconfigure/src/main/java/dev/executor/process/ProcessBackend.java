package dev.executor.process;

import java.util.concurrent.ExecutorService;

import dev.executor.ExecutorSpec;
import dev.executor.spi.ExecutorBackend;
import dev.executor.thread.ThreadPoolBackend;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The {@code process} executor type: a {@link ProcessPool} of {@code max-workers} worker
 * JVMs. Inside a worker process itself, where the application context of
 * {@link dev.executor.Job @Job} methods runs, executors of this type run their tasks on
 * threads of the worker instead, so that workers do not start workers.
 */
public class ProcessBackend implements ExecutorBackend {

	/**
	 * The name of this type.
	 */
	public static final String NAME = "process";

	private final ClassLoader classLoader;

	/**
	 * Create a new backend.
	 * @param classLoader the class loader of results and exceptions coming back from
	 * workers, {@code null} for the default one
	 */
	public ProcessBackend(@Nullable ClassLoader classLoader) {
		this.classLoader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public ExecutorService create(ExecutorSpec spec) {
		if (WorkerMain.isWorkerProcess()) {
			return new ThreadPoolBackend().create(spec);
		}
		return new ProcessPool(spec, this.classLoader);
	}

	@Override
	public String toString() {
		return "built-in executor type '" + NAME + "'";
	}

}
