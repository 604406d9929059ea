package dev.executor.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.executor.ExecutorSpec;
import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.SerializableCallable;
import dev.executor.StoredFutures;
import dev.executor.context.ContextPropagation;
import dev.executor.context.TaskContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * A {@link ManagedExecutor} that runs its tasks on an {@link ExecutorService} pool, of
 * whatever type. Shutdown is two-step: {@link #stop()} (or {@link #shutdown()}) stops
 * accepting tasks, {@link #close()} waits up to the await-termination period for running
 * and queued tasks and cancels what is left, so that every future ends.
 */
public class DelegatingManagedExecutor extends AbstractExecutorService
		implements ManagedExecutor, SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(DelegatingManagedExecutor.class);

	/**
	 * The lifecycle phase of managed executors: they stop accepting tasks after the web
	 * server has finished its graceful shutdown.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final ExecutorSpec spec;

	private final ExecutorService pool;

	private final ContextPropagation contextPropagation;

	private final @Nullable TaskFailureReporter failureReporter;

	private final StoredFutures futures;

	private final List<Consumer<? super FutureProxy<?>>> defaultCallbacks = new CopyOnWriteArrayList<>();

	private final Set<ManagedTask<?>> inFlight = ConcurrentHashMap.newKeySet();

	private volatile boolean shutdown;

	private volatile long shutdownDeadline;

	/**
	 * Create a new executor.
	 * @param spec the executor's settings
	 * @param pool the pool that runs the tasks; it is shut down with this executor
	 * @param contextPropagation how to capture the submitting thread's context
	 * @param failureReporter where task failures go, {@code null} to keep them in the
	 * futures only
	 * @param futures the store of futures submitted under a key
	 */
	public DelegatingManagedExecutor(ExecutorSpec spec, ExecutorService pool, ContextPropagation contextPropagation,
			@Nullable TaskFailureReporter failureReporter, StoredFutures futures) {
		this.spec = spec;
		this.pool = pool;
		this.contextPropagation = spec.propagateContext() ? contextPropagation : ContextPropagation.NONE;
		this.failureReporter = failureReporter;
		this.futures = futures;
	}

	@Override
	public String name() {
		return this.spec.name();
	}

	@Override
	public String type() {
		return this.spec.type();
	}

	@Override
	public int maxWorkers() {
		return this.spec.maxWorkers();
	}

	/**
	 * Return the settings of this executor.
	 * @return the settings
	 */
	public ExecutorSpec spec() {
		return this.spec;
	}

	/**
	 * Return the pool that runs the tasks.
	 * @return the pool
	 */
	public ExecutorService pool() {
		return this.pool;
	}

	@Override
	public StoredFutures futures() {
		return this.futures;
	}

	@Override
	public void addDefaultDoneCallback(Consumer<? super FutureProxy<?>> callback) {
		this.defaultCallbacks.add(callback);
	}

	@Override
	public <T> FutureProxy<T> submit(Callable<T> task) {
		return dispatch(null, task, captureContext(), this.spec.taskTimeout());
	}

	@Override
	public <T> FutureProxy<T> submit(Callable<T> task, Duration timeout) {
		return dispatch(null, task, captureContext(), timeout);
	}

	@Override
	public FutureProxy<?> submit(Runnable task) {
		return dispatch(null, callable(task), captureContext(), this.spec.taskTimeout());
	}

	@Override
	public <T> FutureProxy<T> submit(Runnable task, T result) {
		return dispatch(null, callable(task, result), captureContext(), this.spec.taskTimeout());
	}

	@Override
	public <T> FutureProxy<T> submitStored(String key, Callable<T> task) {
		return dispatch(key, task, captureContext(), this.spec.taskTimeout());
	}

	@Override
	public <T> FutureProxy<T> submitStored(String key, Callable<T> task, Duration timeout) {
		return dispatch(key, task, captureContext(), timeout);
	}

	@Override
	public FutureProxy<?> submitStored(String key, Runnable task) {
		return dispatch(key, callable(task), captureContext(), this.spec.taskTimeout());
	}

	@Override
	public void execute(Runnable command) {
		dispatch(null, callable(command), captureContext(), this.spec.taskTimeout());
	}

	@Override
	public <T, R> Stream<R> map(Function<? super T, ? extends R> fn, Iterable<? extends T> items) {
		return map(fn, items, this.spec.taskTimeout());
	}

	@Override
	public <T, R> Stream<R> map(Function<? super T, ? extends R> fn, Iterable<? extends T> items,
			@Nullable Duration timeout) {
		TaskContext context = captureContext();
		List<FutureProxy<R>> submitted = new ArrayList<>();
		try {
			for (T item : items) {
				SerializableCallable<R> call = () -> fn.apply(item);
				submitted.add(dispatch(null, call, context, timeout));
			}
		}
		catch (RuntimeException ex) {
			submitted.forEach((future) -> future.cancel(true));
			throw ex;
		}
		return submitted.stream().map(FutureProxy::join);
	}

	private <T> FutureProxy<T> dispatch(@Nullable String key, Callable<T> callable, TaskContext context,
			@Nullable Duration timeout) {
		if (this.shutdown) {
			throw shutDownRejection();
		}
		if (this.pool instanceof TaskAdapter adapter) {
			callable = adapter.adapt(callable);
		}
		TaskFuture<T> future = new TaskFuture<>(this);
		ManagedTask<T> task = new ManagedTask<>(this, future, callable, context, timeout);
		future.attach(task);
		if (key != null) {
			this.futures.add(key, future);
		}
		if (!this.defaultCallbacks.isEmpty()) {
			future.addDoneCallbacks(List.copyOf(this.defaultCallbacks), context);
		}
		this.inFlight.add(task);
		try {
			this.pool.execute(task);
		}
		catch (RejectedExecutionException ex) {
			RejectedExecutionException rejection = describeRejection(ex);
			this.inFlight.remove(task);
			if (key != null) {
				this.futures.get(key).filter(future::equals).ifPresent((stored) -> this.futures.pop(key));
			}
			future.completeExceptionally(rejection);
			throw rejection;
		}
		return future;
	}

	private static SerializableCallable<@Nullable Object> callable(Runnable task) {
		return callable(task, null);
	}

	// serialisable, so that pools whose tasks leave the JVM can take runnables too
	private static <T> SerializableCallable<T> callable(Runnable task, T result) {
		return () -> {
			task.run();
			return result;
		};
	}

	private RejectedExecutionException describeRejection(RejectedExecutionException ex) {
		if (this.shutdown || this.pool.isShutdown()) {
			return shutDownRejection();
		}
		if (this.pool instanceof ThreadPoolExecutor threadPool && threadPool.getQueue().remainingCapacity() == 0) {
			String prefix = this.spec.propertyPrefix();
			return new RejectedExecutionException("Executor '" + name() + "' is full: all " + maxWorkers()
					+ " workers are busy and its queue holds " + threadPool.getQueue().size() + " tasks (queue-capacity "
					+ this.spec.queueCapacity() + "); raise " + prefix + ".queue-capacity or " + prefix
					+ ".max-workers, or submit fewer tasks at once", ex);
		}
		return new RejectedExecutionException("Executor '" + name() + "' rejected a task: " + ex.getMessage(), ex);
	}

	private RejectedExecutionException shutDownRejection() {
		return new RejectedExecutionException(
				"Executor '" + name() + "' is shut down and accepts no more tasks (the application context is closing)");
	}

	TaskContext captureContext() {
		return this.contextPropagation.capture();
	}

	void taskFailed(FutureProxy<?> future, Throwable ex) {
		if (future.completeExceptionally(ex)) {
			reportFailure(future, ex);
		}
	}

	void reportFailure(FutureProxy<?> future, Throwable ex) {
		if (this.failureReporter != null) {
			this.failureReporter.report(future, ex);
		}
	}

	void taskEnded(ManagedTask<?> task) {
		this.inFlight.remove(task);
	}

	void taskDequeued(ManagedTask<?> task) {
		if (this.pool instanceof ThreadPoolExecutor threadPool) {
			threadPool.remove(task);
		}
		this.inFlight.remove(task);
	}

	/**
	 * Return the number of tasks submitted that have not ended yet, queued or running.
	 * @return the number of tasks in flight
	 */
	public int inFlightCount() {
		return this.inFlight.size();
	}

	@Override
	public synchronized void shutdown() {
		if (!this.shutdown) {
			this.shutdownDeadline = System.nanoTime() + this.spec.awaitTerminationPeriod().toNanos();
			this.shutdown = true;
			this.pool.shutdown();
		}
	}

	@Override
	public List<Runnable> shutdownNow() {
		shutdown();
		for (ManagedTask<?> task : this.inFlight) {
			task.future().cancel(true);
		}
		return this.pool.shutdownNow();
	}

	@Override
	public boolean isShutdown() {
		return this.shutdown;
	}

	@Override
	public boolean isTerminated() {
		return this.shutdown && this.pool.isTerminated();
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.pool.awaitTermination(timeout, unit);
	}

	/**
	 * Shut down, wait up to the await-termination period for running and queued tasks to
	 * finish, then cancel what is left.
	 */
	public void close() {
		shutdown();
		if (this.spec.awaitTermination()) {
			awaitUntil(this.shutdownDeadline);
		}
		shutdownNow();
		closeFutures();
	}

	private void closeFutures() {
		if (this.futures instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.debug("Closing the stored futures of executor '" + name() + "' failed", ex);
			}
		}
	}

	private void awaitUntil(long deadline) {
		try {
			long remaining = deadline - System.nanoTime();
			if (remaining > 0) {
				this.pool.awaitTermination(remaining, TimeUnit.NANOSECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void destroy() {
		close();
	}

	@Override
	public void start() {
	}

	@Override
	public void stop() {
		shutdown();
	}

	@Override
	public boolean isRunning() {
		return !this.shutdown;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public String toString() {
		return "ManagedExecutor[name=" + name() + ", type=" + type() + ", maxWorkers=" + maxWorkers() + "]";
	}

}
