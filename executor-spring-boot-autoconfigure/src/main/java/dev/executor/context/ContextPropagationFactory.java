package dev.executor.context;

import java.util.Set;

import dev.executor.ExecutorSpec;

/**
 * Creates the {@link ContextPropagation} of each executor from its settings.
 */
public interface ContextPropagationFactory {

	/**
	 * Return the names that {@code executor.context.include} accepts.
	 * @return the names, in propagation order
	 */
	Set<String> names();

	/**
	 * Return how an executor with the given settings captures the context of the
	 * submitting thread. An executor that propagates no context still gets a propagation
	 * that clears the task's thread, so that a task never runs with context it was not
	 * given.
	 * @param spec the executor's settings
	 * @return the propagation
	 */
	ContextPropagation create(ExecutorSpec spec);

	/**
	 * Return a factory that gives every executor the same propagation, whatever its
	 * settings.
	 * @param propagation the propagation
	 * @return the factory
	 */
	static ContextPropagationFactory of(ContextPropagation propagation) {
		return new ContextPropagationFactory() {

			@Override
			public Set<String> names() {
				return Set.of();
			}

			@Override
			public ContextPropagation create(ExecutorSpec spec) {
				return spec.propagateContext() ? propagation : ContextPropagation.NONE;
			}

		};
	}

}
