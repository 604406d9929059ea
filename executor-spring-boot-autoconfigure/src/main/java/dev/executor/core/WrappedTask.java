package dev.executor.core;

/**
 * A callable that the executor made around what was submitted, such as a runnable or the
 * function of a {@code map} call, so that what checks tasks, such as the serialiser of
 * tasks that leave the JVM, can blame what the user wrote rather than the wrapper.
 */
public interface WrappedTask {

	/**
	 * Return what was submitted.
	 * @return the runnable or function this callable runs
	 */
	Object wrapped();

}
