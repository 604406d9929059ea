package dev.executor.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.executor.ExecutorSpec;
import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.StoredFutures;
import dev.executor.context.ContextPropagation;
import dev.executor.context.TaskContext;
import dev.executor.spi.TaskAdapter;
import dev.executor.spi.TaskListener;
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
 * <p>
 * Whatever the pool, the executor counts its tasks: those {@link #activeCount() running}
 * and {@link #queuedCount() waiting}, those that {@link #completedTaskCount() ran} and
 * the submissions it {@link #rejectedTaskCount() rejected}; {@link TaskListener task
 * listeners} hear of every task that starts and ends.
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

	private volatile List<Consumer<? super FutureProxy<?>>> defaultCallbacks = List.of();

	private volatile TaskListener taskListener = TaskListener.NONE;

	private final InFlightTasks inFlight;

	private final LongAdder rejected = new LongAdder();

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
		this.contextPropagation = contextPropagation;
		this.failureReporter = failureReporter;
		this.futures = futures;
		this.inFlight = InFlightTasks.of(pool);
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
	public synchronized void addDefaultDoneCallback(Consumer<? super FutureProxy<?>> callback) {
		List<Consumer<? super FutureProxy<?>>> callbacks = new ArrayList<>(this.defaultCallbacks);
		callbacks.add(callback);
		this.defaultCallbacks = List.copyOf(callbacks);
	}

	/**
	 * Add a listener of the tasks of this executor. Add listeners before submitting
	 * tasks: a task that is running when a listener is added ends without that listener
	 * having heard that it started.
	 * @param listener the listener
	 */
	public synchronized void addTaskListener(TaskListener listener) {
		this.taskListener = TaskListener.of(this.taskListener, listener);
	}

	TaskListener taskListener() {
		return this.taskListener;
	}

	@Override
	public <T> FutureProxy<T> submit(Callable<T> task) {
		return dispatch(null, task, captureContext(), this.spec.taskTimeout(), this.defaultCallbacks);
	}

	@Override
	public <T> FutureProxy<T> submit(Callable<T> task, Duration timeout) {
		return dispatch(null, task, captureContext(), timeout, this.defaultCallbacks);
	}

	@Override
	public FutureProxy<?> submit(Runnable task) {
		return dispatch(null, callable(task), captureContext(), this.spec.taskTimeout(), this.defaultCallbacks);
	}

	@Override
	public <T> FutureProxy<T> submit(Runnable task, T result) {
		return dispatch(null, callable(task, result), captureContext(), this.spec.taskTimeout(),
				this.defaultCallbacks);
	}

	@Override
	public <T> FutureProxy<T> submitStored(String key, Callable<T> task) {
		return dispatch(key, task, captureContext(), this.spec.taskTimeout(), this.defaultCallbacks);
	}

	@Override
	public <T> FutureProxy<T> submitStored(String key, Callable<T> task, Duration timeout) {
		return dispatch(key, task, captureContext(), timeout, this.defaultCallbacks);
	}

	@Override
	public FutureProxy<?> submitStored(String key, Runnable task) {
		return dispatch(key, callable(task), captureContext(), this.spec.taskTimeout(), this.defaultCallbacks);
	}

	/**
	 * Run a command. No future is handed out, so default done-callbacks do not apply.
	 * The async stages of {@link CompletableFuture} arrive here too: they are not tasks of
	 * their own, so the task timeout does not apply to them either.
	 * @param command the command
	 */
	@Override
	public void execute(Runnable command) {
		if (command instanceof CompletableFuture.AsynchronousCompletionTask) {
			executeStage(command);
		}
		else {
			dispatch(null, callable(command), captureContext(), this.spec.taskTimeout(), List.of());
		}
	}

	/**
	 * Run the completion of an async stage of one of this executor's futures, like
	 * {@link #execute(Runnable)} does.
	 * @param completion the completion
	 * @return the future of the task that runs it
	 */
	FutureProxy<?> executeStage(Runnable completion) {
		return dispatch(null, Executors.callable(completion), captureContext(), null, List.of(), false);
	}

	@Override
	public <T, R> Stream<R> map(Function<? super T, ? extends R> fn, Iterable<? extends T> items) {
		return map(fn, items, this.spec.taskTimeout());
	}

	@Override
	public <T, R> Stream<R> map(Function<? super T, ? extends R> fn, Iterable<? extends T> items,
			@Nullable Duration timeout) {
		TaskContext context = captureContext();
		List<Consumer<? super FutureProxy<?>>> callbacks = this.defaultCallbacks;
		List<FutureProxy<R>> submitted = new ArrayList<>();
		try {
			for (T item : items) {
				submitted.add(dispatch(null, new MappedItem<T, R>(fn, item), context, timeout, callbacks));
			}
		}
		catch (RuntimeException ex) {
			submitted.forEach((future) -> future.cancel(true));
			throw ex;
		}
		return submitted.stream().map(FutureProxy::join);
	}

	private <T> FutureProxy<T> dispatch(@Nullable String key, Callable<T> callable, TaskContext context,
			@Nullable Duration timeout, List<Consumer<? super FutureProxy<?>>> callbacks) {
		return dispatch(key, callable, context, timeout, callbacks, true);
	}

	// stages of CompletableFuture run here, never adapted: they are not the user's tasks
	private <T> FutureProxy<T> dispatch(@Nullable String key, Callable<T> callable, TaskContext context,
			@Nullable Duration timeout, List<Consumer<? super FutureProxy<?>>> callbacks, boolean adapt) {
		if (this.shutdown) {
			this.rejected.increment();
			throw shutDownRejection();
		}
		if (adapt && this.pool instanceof TaskAdapter adapter) {
			callable = adapter.adapt(callable);
		}
		TaskFuture<T> future = new TaskFuture<>(this);
		ManagedTask<T> task = new ManagedTask<>(this, future, callable, context, timeout);
		future.attach(task);
		if (key != null) {
			this.futures.add(key, future);
		}
		if (!callbacks.isEmpty()) {
			future.addDoneCallbacks(callbacks, context);
		}
		this.inFlight.submitted(task);
		try {
			this.pool.execute(task);
		}
		catch (RejectedExecutionException ex) {
			RejectedExecutionException rejection = describeRejection(ex);
			this.rejected.increment();
			this.inFlight.dropped(task);
			if (key != null) {
				this.futures.get(key).filter(future::equals).ifPresent((stored) -> this.futures.pop(key));
			}
			future.completeExceptionally(rejection);
			throw rejection;
		}
		return future;
	}

	private static Callable<@Nullable Object> callable(Runnable task) {
		return new RunnableCallable<>(task, null);
	}

	private static <T> Callable<T> callable(Runnable task, T result) {
		return new RunnableCallable<>(task, result);
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

	@Nullable Object taskEntered(ManagedTask<?> task) {
		return this.inFlight.entered(task);
	}

	void taskExited(ManagedTask<?> task, @Nullable Object entry) {
		this.inFlight.exited(task, entry, false);
	}

	void taskRan(ManagedTask<?> task, @Nullable Object entry) {
		TaskFuture<?> future = task.future();
		this.taskListener.taskEnded(future, future.outcome(), future.runNanos());
		this.inFlight.exited(task, entry, true);
	}

	void taskDequeued(ManagedTask<?> task) {
		if (this.pool instanceof ThreadPoolExecutor threadPool) {
			threadPool.remove(task);
		}
		this.inFlight.dropped(task);
		this.taskListener.taskEnded(task.future(), task.future().outcome(), 0);
	}

	/**
	 * Return the number of tasks submitted that have not ended yet, queued or running.
	 * @return the number of tasks in flight
	 */
	public int inFlightCount() {
		return this.inFlight.size();
	}

	/**
	 * Return the number of tasks running now. Counted when asked, not kept up to date
	 * while tasks run.
	 * @return the number of running tasks
	 */
	public int activeCount() {
		return this.inFlight.running();
	}

	/**
	 * Return the number of tasks waiting for a worker. Counted when asked.
	 * @return the number of queued tasks
	 */
	public int queuedCount() {
		return this.inFlight.queued();
	}

	/**
	 * Return the number of tasks that ran to their end, whatever their outcome.
	 * @return the number of completed tasks
	 */
	public long completedTaskCount() {
		return this.inFlight.completed();
	}

	/**
	 * Return the number of submissions this executor rejected, because its queue was
	 * full or because it was shut down.
	 * @return the number of rejected tasks
	 */
	public long rejectedTaskCount() {
		return this.rejected.sum();
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
		List<Runnable> queued = new ArrayList<>(this.inFlight.cancelAll());
		queued.addAll(this.pool.shutdownNow());
		return queued;
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
