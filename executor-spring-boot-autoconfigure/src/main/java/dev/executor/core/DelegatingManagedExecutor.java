package dev.executor.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.executor.ExecutorSpec;
import dev.executor.ExecutorStats;
import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.StoredFutures;
import dev.executor.TaskThrottle;
import dev.executor.context.ContextPropagation;
import dev.executor.context.TaskContext;
import dev.executor.spi.ResubmittingStoredFutures;
import dev.executor.spi.TaskAdapter;
import dev.executor.spi.TaskListener;
import dev.executor.spi.TaskOutcome;
import dev.executor.spi.TaskPool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.resilience.InvocationRejectedException;

/**
 * A {@link ManagedExecutor} that runs its tasks on an {@link ExecutorService} pool, of
 * whatever type: it dispatches each task to the pool, hears from the task as it starts
 * and ends, and stops with the application context. Shutdown is two-step:
 * {@link #stop()} (or {@link #shutdown()}) stops accepting tasks, {@link #close()} waits
 * up to the await-termination period for running and queued tasks and cancels what is
 * left, so that every future ends.
 * <p>
 * Each part has a class of its own: the submit overloads come down to
 * {@link AbstractManagedExecutor}, the Spring lifecycle is adapted by
 * {@link LifecycleManagedExecutor}, rejections are described by {@link Rejections},
 * what the pool's queue holds is read through its {@link TaskPool} view, the counts of
 * tasks are kept by {@link TaskCounters}, the back-offs of failed tasks wait in
 * {@link TaskRetries}, and {@link TaskListener task listeners} hear of every task that
 * starts and ends. This class dispatches tasks to the pool and owns its shutdown.
 */
public class DelegatingManagedExecutor extends LifecycleManagedExecutor {

	private static final Log logger = LogFactory.getLog(DelegatingManagedExecutor.class);

	private final ExecutorSpec spec;

	private final ExecutorService pool;

	private final TaskPool taskPool;

	private final ContextPropagation contextPropagation;

	private final @Nullable TaskFailureReporter failureReporter;

	private final StoredFutures futures;

	private volatile TaskListener taskListener = TaskListener.NONE;

	private final TaskCounters counters;

	private final InFlightTasks inFlight;

	private final WaitingTasks waiting = new WaitingTasks();

	private final TaskRetries retries;

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
		this.taskPool = TaskPool.of(pool);
		this.contextPropagation = contextPropagation;
		this.failureReporter = failureReporter;
		this.futures = futures;
		this.counters = new TaskCounters(pool, this.taskPool);
		this.inFlight = this.counters.inFlight();
		this.retries = new TaskRetries(this.waiting, this::requeue);
	}

	@Override
	public ExecutorSpec spec() {
		return this.spec;
	}

	@Override
	public <P> Optional<P> pool(Class<P> type) {
		return type.isInstance(this.pool) ? Optional.of(type.cast(this.pool)) : Optional.empty();
	}

	@Override
	public StoredFutures futures() {
		return this.futures;
	}

	@Override
	public ExecutorStats stats() {
		return this.counters.stats(maxWorkers(), this.futures.size());
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
	<T extends @Nullable Object> FutureProxy<T> dispatch(@Nullable String key, Callable<T> callable,
			TaskContext context, @Nullable Duration timeout, @Nullable RetryPolicy retry,
			@Nullable TaskThrottle throttle, List<Consumer<? super FutureProxy<?>>> callbacks, boolean adapt) {
		if (this.shutdown) {
			this.counters.rejected();
			throw Rejections.shutDown(name());
		}
		Callable<T> submitted = callable;
		if (adapt && this.pool instanceof TaskAdapter adapter) {
			callable = adapter.adapt(callable);
		}
		ThrottledTask<T> throttled = (throttle != null) ? new ThrottledTask<>(this, throttle, this.waiting, callable)
				: null;
		TaskFuture<T> future = new TaskFuture<>(this);
		ManagedTask<T> task = new ManagedTask<>(future, (throttled != null) ? throttled : callable, context,
				timeout, (retry != null) ? new TaskRetry(retry) : null);
		future.attach(task);
		if (key != null) {
			store(key, future, submitted);
		}
		if (!callbacks.isEmpty()) {
			future.addDoneCallbacks(callbacks, context);
		}
		this.inFlight.submitted(task);
		try {
			if (throttled == null || throttled.admit(task)) {
				this.pool.execute(task);
			}
		}
		catch (RejectedExecutionException ex) {
			throw rejected(key, task, ex);
		}
		return future;
	}

	private void store(String key, TaskFuture<?> future, Callable<?> submitted) {
		if (this.futures instanceof ResubmittingStoredFutures resubmitting) {
			resubmitting.add(key, future, submitted);
		}
		else {
			this.futures.add(key, future);
		}
	}

	private RejectedExecutionException rejected(@Nullable String key, ManagedTask<?> task,
			RejectedExecutionException ex) {
		// a throttle's refusal says all there is to say; the pool's is described
		RejectedExecutionException rejection = (ex instanceof InvocationRejectedException) ? ex
				: Rejections.describe(this.spec, this.taskPool, this.shutdown || this.pool.isShutdown(), ex);
		this.counters.rejected();
		this.inFlight.dropped(task);
		ThrottledTask<?> throttled = task.throttled();
		if (throttled != null) {
			throttled.release();
		}
		TaskFuture<?> future = task.future();
		if (key != null) {
			this.futures.get(key).filter(future::equals).ifPresent((stored) -> this.futures.pop(key));
		}
		future.completeExceptionally(rejection);
		return rejection;
	}

	@Override
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

	/**
	 * Queue the next attempt of a failed task once its back-off has passed, if its
	 * policy retries the failure and the executor still runs.
	 * @param task the attempt that failed
	 * @param ex what it failed with
	 * @return whether another attempt follows
	 */
	boolean retryLater(ManagedTask<?> task, Throwable ex) {
		if (this.retries.retryLater(task, ex)) {
			this.counters.retried();
			return true;
		}
		return false;
	}

	private <T extends @Nullable Object> void requeue(ManagedTask<T> next) {
		if (!next.isQueued()) {
			return;
		}
		this.inFlight.submitted(next);
		ThrottledTask<T> throttled = next.throttled();
		try {
			if (throttled == null || throttled.admit(next)) {
				executeAdmitted(next);
			}
		}
		catch (InvocationRejectedException ex) {
			notExecuted(next, ex);
		}
	}

	/**
	 * Hand an attempt that nobody waits for, one that went through its back-off or
	 * its throttle, to the pool; if the pool refuses it, its future fails.
	 * @param task the attempt
	 */
	void executeAdmitted(ManagedTask<?> task) {
		try {
			this.pool.execute(task);
		}
		catch (RejectedExecutionException ex) {
			notExecuted(task, Rejections.describe(this.spec, this.taskPool, this.shutdown || this.pool.isShutdown(),
					ex));
		}
	}

	private void notExecuted(ManagedTask<?> task, RejectedExecutionException rejection) {
		this.inFlight.dropped(task);
		TaskRetry retry = task.retry();
		taskFailed(task.future(), (retry != null) ? retry.lastFailure(rejection) : rejection);
		task.cancelled(false);
	}

	@Nullable Object taskEntered(ManagedTask<?> task) {
		return this.inFlight.entered(task);
	}

	void taskExited(ManagedTask<?> task, @Nullable Object entry) {
		this.inFlight.exited(task, entry, false);
	}

	void taskRan(ManagedTask<?> task, @Nullable Object entry) {
		TaskFuture<?> future = task.future();
		TaskOutcome outcome = future.outcome();
		this.taskListener.taskEnded(future, outcome, future.runNanos());
		this.counters.ended(outcome);
		this.inFlight.exited(task, entry, true);
	}

	void taskDequeued(ManagedTask<?> task) {
		this.taskPool.remove(task);
		this.inFlight.dropped(task);
		TaskOutcome outcome = task.future().outcome();
		this.taskListener.taskEnded(task.future(), outcome, 0);
		this.counters.ended(outcome);
	}

	@Override
	public synchronized void shutdown() {
		if (!this.shutdown) {
			this.shutdownDeadline = System.nanoTime() + this.spec.awaitTerminationPeriod().toNanos();
			this.shutdown = true;
			this.pool.shutdown();
			this.waiting.close();
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

	@Override
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
	public String toString() {
		return "ManagedExecutor[name=" + name() + ", type=" + type() + ", maxWorkers=" + maxWorkers() + "]";
	}

}
