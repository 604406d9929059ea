package dev.executor.core;

import java.util.ArrayList;
import java.util.List;

import dev.executor.ExecutorSpec;
import dev.executor.context.SnapshotContextPropagation;
import dev.executor.futures.LocalStoredFutures;
import dev.executor.thread.ThreadPoolBackend;
import org.jspecify.annotations.Nullable;

/**
 * Creates thread executors for tests, without Spring, and shuts them all down when
 * closed.
 */
final class TestExecutors implements AutoCloseable {

	private final List<DelegatingManagedExecutor> created = new ArrayList<>();

	/**
	 * Create an executor that keeps task failures in the futures only.
	 * @param spec the executor's settings
	 * @return the executor
	 */
	DelegatingManagedExecutor create(TestSpecs spec) {
		return create(spec, null);
	}

	/**
	 * Create an executor.
	 * @param spec the executor's settings
	 * @param failureReporter where task failures go, {@code null} for nowhere
	 * @return the executor
	 */
	DelegatingManagedExecutor create(TestSpecs spec, @Nullable TaskFailureReporter failureReporter) {
		ExecutorSpec built = spec.build();
		DelegatingManagedExecutor executor = new DelegatingManagedExecutor(built,
				new ThreadPoolBackend().create(built), new SnapshotContextPropagation(), failureReporter,
				new LocalStoredFutures(built.name(), built.futuresMaxLength(), built.futuresTimeToLive()));
		this.created.add(executor);
		return executor;
	}

	@Override
	public void close() {
		this.created.forEach(DelegatingManagedExecutor::shutdownNow);
	}

}
