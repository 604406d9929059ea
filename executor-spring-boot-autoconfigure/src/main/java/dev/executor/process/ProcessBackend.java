package dev.executor.process;

import java.util.concurrent.ExecutorService;

import dev.executor.ExecutorSpec;
import dev.executor.core.ThreadPools;
import dev.executor.remote.Serialization;
import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.InvalidExecutorPropertyException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NativeDetector;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The {@code process} executor type: a {@link ProcessPool} of {@code max-workers} worker
 * JVMs. Inside a worker process itself, where the application context of
 * {@link dev.executor.Job @Job} methods runs, executors of this type run their tasks on
 * threads of the worker instead, so that workers do not start workers.
 * <p>
 * A GraalVM native image has no JVM and no class path to start workers from, so there
 * an executor of this type fails when it is created, at start-up, rather than at its
 * first task.
 */
public class ProcessBackend implements ExecutorBackend {

	/**
	 * The name of this type.
	 */
	public static final String NAME = "process";

	private final ClassLoader classLoader;

	private final boolean inNativeImage;

	/**
	 * Create a new backend.
	 * @param classLoader the class loader of results and exceptions coming back from
	 * workers, {@code null} for the default one
	 */
	public ProcessBackend(@Nullable ClassLoader classLoader) {
		this(classLoader, NativeDetector.inNativeImage());
	}

	ProcessBackend(@Nullable ClassLoader classLoader, boolean inNativeImage) {
		this.classLoader = (classLoader != null) ? classLoader : Serialization.defaultClassLoader();
		this.inNativeImage = inNativeImage;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public ExecutorService create(ExecutorSpec spec) {
		if (this.inNativeImage) {
			throw new InvalidExecutorPropertyException(spec.propertyPrefix() + ".type", NAME,
					"a native image cannot start the worker JVMs that run the tasks of a process executor",
					"Set it to 'thread' or 'virtual' in a native image, or run the application on a JVM to keep "
							+ "the tasks in worker processes");
		}
		if (WorkerMain.isWorkerProcess()) {
			return ThreadPools.create(spec, new CustomizableThreadFactory(spec.threadNamePrefix()));
		}
		return new ProcessPool(spec, this.classLoader);
	}

	@Override
	public String toString() {
		return "built-in executor type '" + NAME + "'";
	}

}
