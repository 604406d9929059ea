package dev.executor.core;

import java.util.List;

import dev.executor.DoneCallback;
import dev.executor.ExecutorBackend;
import dev.executor.ExecutorSpec;
import dev.executor.ManagedExecutor;
import dev.executor.context.ContextPropagation;

/**
 * Creates {@link ManagedExecutor managed executors} from their settings, on the pool of
 * the {@link ExecutorBackend} their type names.
 */
public class ManagedExecutorFactory {

	private final ExecutorBackends backends;

	private final ContextPropagation contextPropagation;

	private final TaskFailureReporter failureReporter;

	private final List<DoneCallback> doneCallbacks;

	private final StoredFuturesFactory storedFutures;

	/**
	 * Create a new factory.
	 * @param backends the executor types
	 * @param contextPropagation how tasks capture the submitter's context
	 * @param failureReporter where failures go on executors that propagate exceptions
	 * @param doneCallbacks the default done-callbacks to add to the executors they apply
	 * to
	 */
	public ManagedExecutorFactory(ExecutorBackends backends, ContextPropagation contextPropagation,
			TaskFailureReporter failureReporter, List<DoneCallback> doneCallbacks) {
		this(backends, contextPropagation, failureReporter, doneCallbacks, StoredFuturesFactory.LOCAL);
	}

	/**
	 * Create a new factory.
	 * @param backends the executor types
	 * @param contextPropagation how tasks capture the submitter's context
	 * @param failureReporter where failures go on executors that propagate exceptions
	 * @param doneCallbacks the default done-callbacks to add to the executors they apply
	 * to
	 * @param storedFutures creates the store of futures submitted under a key
	 */
	public ManagedExecutorFactory(ExecutorBackends backends, ContextPropagation contextPropagation,
			TaskFailureReporter failureReporter, List<DoneCallback> doneCallbacks,
			StoredFuturesFactory storedFutures) {
		this.backends = backends;
		this.contextPropagation = contextPropagation;
		this.failureReporter = failureReporter;
		this.doneCallbacks = List.copyOf(doneCallbacks);
		this.storedFutures = storedFutures;
	}

	/**
	 * Create an executor.
	 * @param spec the executor's settings
	 * @return the executor
	 * @throws InvalidExecutorPropertyException if the type is unknown or its backend
	 * rejects the settings
	 */
	public ManagedExecutor create(ExecutorSpec spec) {
		ExecutorBackend backend = this.backends.get(spec.type());
		if (backend == null) {
			throw new InvalidExecutorPropertyException(spec.propertyPrefix() + ".type", spec.type(),
					"unknown executor type", "Set it to one of " + this.backends.names()
							+ ", or declare an ExecutorBackend bean named '" + spec.type() + "'");
		}
		DelegatingManagedExecutor executor = new DelegatingManagedExecutor(spec, backend.create(spec),
				this.contextPropagation, spec.propagateExceptions() ? this.failureReporter : null,
				this.storedFutures.create(spec));
		this.doneCallbacks.stream()
			.filter((callback) -> callback.appliesTo(spec.name()))
			.forEach(executor::addDefaultDoneCallback);
		return executor;
	}

}
