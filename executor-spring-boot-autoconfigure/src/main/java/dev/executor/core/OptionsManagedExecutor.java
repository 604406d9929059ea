package dev.executor.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.executor.ExecutorSpec;
import dev.executor.ExecutorStats;
import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.StoredFutures;
import dev.executor.TaskOptions;
import dev.executor.TaskThrottle;
import dev.executor.context.TaskContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;

/**
 * An executor seen through the {@link TaskOptions} of some calls: tasks submitted here
 * go to the executor with the options' retry policy, timeout and throttle; everything
 * else is the executor's.
 */
final class OptionsManagedExecutor extends AbstractManagedExecutor {

	private final AbstractManagedExecutor executor;

	private final TaskOptions options;

	OptionsManagedExecutor(AbstractManagedExecutor executor, TaskOptions options) {
		this.executor = executor;
		this.options = options;
	}

	@Override
	<T extends @Nullable Object> FutureProxy<T> dispatch(@Nullable String key, Callable<T> callable,
			TaskContext context, @Nullable Duration timeout, @Nullable RetryPolicy retry,
			@Nullable TaskThrottle throttle, List<Consumer<? super FutureProxy<?>>> callbacks, boolean adapt) {
		return this.executor.dispatch(key, callable, context, timeout, retry, throttle, callbacks, adapt);
	}

	@Override
	@Nullable Duration taskTimeout() {
		return this.options.effectiveTimeout(this.executor.taskTimeout());
	}

	@Override
	@Nullable RetryPolicy retryPolicy() {
		return this.options.effectiveRetry(this.executor.retryPolicy());
	}

	@Override
	@Nullable TaskThrottle throttle() {
		return this.options.throttle();
	}

	@Override
	List<Consumer<? super FutureProxy<?>>> defaultCallbacks() {
		return this.executor.defaultCallbacks();
	}

	@Override
	TaskContext captureContext() {
		return this.executor.captureContext();
	}

	@Override
	public ManagedExecutor with(TaskOptions options) {
		return new OptionsManagedExecutor(this.executor, options.orElse(this.options));
	}

	@Override
	public ExecutorSpec spec() {
		return this.executor.spec();
	}

	@Override
	public ExecutorStats stats() {
		return this.executor.stats();
	}

	@Override
	public <P> Optional<P> pool(Class<P> type) {
		return this.executor.pool(type);
	}

	@Override
	public StoredFutures futures() {
		return this.executor.futures();
	}

	@Override
	public void addDefaultDoneCallback(Consumer<? super FutureProxy<?>> callback) {
		this.executor.addDefaultDoneCallback(callback);
	}

	@Override
	public void shutdown() {
		this.executor.shutdown();
	}

	@Override
	public List<Runnable> shutdownNow() {
		return this.executor.shutdownNow();
	}

	@Override
	public boolean isShutdown() {
		return this.executor.isShutdown();
	}

	@Override
	public boolean isTerminated() {
		return this.executor.isTerminated();
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.executor.awaitTermination(timeout, unit);
	}

	@Override
	public void close() {
		this.executor.close();
	}

	@Override
	public String toString() {
		return this.executor + " with " + this.options;
	}

}
