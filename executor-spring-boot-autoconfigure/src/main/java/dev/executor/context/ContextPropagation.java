package dev.executor.context;

/**
 * Captures the context of the current thread.
 */
@FunctionalInterface
public interface ContextPropagation {

	/**
	 * A propagation that captures nothing.
	 */
	ContextPropagation NONE = () -> TaskContext.EMPTY;

	/**
	 * Capture the context of the current thread.
	 * @return the captured context
	 */
	TaskContext capture();

}
