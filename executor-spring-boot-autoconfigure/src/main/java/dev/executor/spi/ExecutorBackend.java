package dev.executor.spi;

import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import dev.executor.ExecutorSpec;

/**
 * A named kind of executor. Declaring a bean of this type makes its name a valid
 * {@code executor.type}: executors of that type run their tasks on the
 * {@link ExecutorService} it creates.
 * <pre class="code">
 * &#64;Bean
 * ExecutorBackend forkJoin() {
 *     return ExecutorBackend.of("fork-join", (spec) -&gt; new ForkJoinPool(spec.maxWorkers()));
 * }
 * </pre>
 */
public interface ExecutorBackend {

	/**
	 * Return the name that selects this backend in {@code executor.type}.
	 * @return the name
	 */
	String name();

	/**
	 * Create the pool of one executor. The pool is shut down with the executor.
	 * @param spec the executor's settings
	 * @return the pool
	 */
	ExecutorService create(ExecutorSpec spec);

	/**
	 * Return the number of workers used when {@code max-workers} is not set. The default
	 * implementation returns the number of available processors.
	 * @return the default maximum number of workers
	 */
	default int defaultMaxWorkers() {
		return Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Create a backend from a name and a factory.
	 * @param name the name that selects the backend in {@code executor.type}
	 * @param factory the factory of pools
	 * @return the backend
	 */
	static ExecutorBackend of(String name, Function<ExecutorSpec, ExecutorService> factory) {
		return new ExecutorBackend() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public ExecutorService create(ExecutorSpec spec) {
				return factory.apply(spec);
			}

		};
	}

}
