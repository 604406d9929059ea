package dev.executor.core;

import java.util.List;

import dev.executor.DoneCallback;
import dev.executor.ExecutorSpec;
import dev.executor.ManagedExecutor;
import dev.executor.context.ContextPropagation;
import dev.executor.context.ContextPropagationFactory;
import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.InvalidExecutorPropertyException;
import dev.executor.spi.ResubmittingStoredFutures;
import dev.executor.spi.StoredFuturesFactory;
import dev.executor.spi.TaskObserver;

/**
 * Creates {@link ManagedExecutor managed executors} from their settings, on the pool of
 * the {@link ExecutorBackend} their type names.
 */
public class ManagedExecutorFactory {

	private final ExecutorBackends backends;

	private final ContextPropagationFactory contextPropagation;

	private final TaskFailureReporter failureReporter;

	private final List<DoneCallback> doneCallbacks;

	private final List<TaskObserver> taskObservers;

	private final StoredFuturesFactory storedFutures;

	/**
	 * Create a new factory whose executors all capture context the same way.
	 * @param backends the executor types
	 * @param contextPropagation how tasks of executors that propagate context capture the
	 * submitter's context
	 * @param failureReporter where failures go on executors that propagate exceptions
	 * @param doneCallbacks the default done-callbacks to add to the executors they apply
	 * to
	 */
	public ManagedExecutorFactory(ExecutorBackends backends, ContextPropagation contextPropagation,
			TaskFailureReporter failureReporter, List<DoneCallback> doneCallbacks) {
		this(backends, ContextPropagationFactory.of(contextPropagation), failureReporter, doneCallbacks);
	}

	/**
	 * Create a new factory.
	 * @param backends the executor types
	 * @param contextPropagation creates the propagation of each executor from its
	 * settings
	 * @param failureReporter where failures go on executors that propagate exceptions
	 * @param doneCallbacks the default done-callbacks to add to the executors they apply
	 * to
	 */
	public ManagedExecutorFactory(ExecutorBackends backends, ContextPropagationFactory contextPropagation,
			TaskFailureReporter failureReporter, List<DoneCallback> doneCallbacks) {
		this(backends, contextPropagation, failureReporter, doneCallbacks, List.of());
	}

	/**
	 * Create a new factory whose executors are observed.
	 * @param backends the executor types
	 * @param contextPropagation creates the propagation of each executor from its
	 * settings
	 * @param failureReporter where failures go on executors that propagate exceptions
	 * @param doneCallbacks the default done-callbacks to add to the executors they apply
	 * to
	 * @param taskObservers the observers of every executor and its tasks, in order
	 */
	public ManagedExecutorFactory(ExecutorBackends backends, ContextPropagationFactory contextPropagation,
			TaskFailureReporter failureReporter, List<DoneCallback> doneCallbacks, List<TaskObserver> taskObservers) {
		this(backends, contextPropagation, failureReporter, doneCallbacks, taskObservers, StoredFuturesFactory.LOCAL);
	}

	/**
	 * Create a new factory whose executors are observed and keep their stored futures
	 * where the given factory says.
	 * @param backends the executor types
	 * @param contextPropagation creates the propagation of each executor from its
	 * settings
	 * @param failureReporter where failures go on executors that propagate exceptions
	 * @param doneCallbacks the default done-callbacks to add to the executors they apply
	 * to
	 * @param taskObservers the observers of every executor and its tasks, in order
	 * @param storedFutures creates the store of futures submitted under a key
	 */
	public ManagedExecutorFactory(ExecutorBackends backends, ContextPropagationFactory contextPropagation,
			TaskFailureReporter failureReporter, List<DoneCallback> doneCallbacks, List<TaskObserver> taskObservers,
			StoredFuturesFactory storedFutures) {
		this.backends = backends;
		this.contextPropagation = contextPropagation;
		this.failureReporter = failureReporter;
		this.doneCallbacks = List.copyOf(doneCallbacks);
		this.taskObservers = List.copyOf(taskObservers);
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
		ExecutorBackend backend = this.backends.require(spec.type(), spec.propertyPrefix() + ".type");
		DelegatingManagedExecutor executor = new DelegatingManagedExecutor(spec, backend.create(spec),
				this.contextPropagation.create(spec), spec.propagateExceptions() ? this.failureReporter : null,
				this.storedFutures.create(spec));
		this.doneCallbacks.stream()
			.filter((callback) -> callback.appliesTo(spec.name()))
			.forEach(executor::addDefaultDoneCallback);
		this.taskObservers.forEach((observer) -> executor.addTaskListener(observer.observe(executor)));
		if (executor.futures() instanceof ResubmittingStoredFutures resubmitting) {
			resubmitting.resubmitTo(executor);
		}
		return executor;
	}

}
