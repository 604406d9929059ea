package dev.executor;

import java.util.concurrent.Executor;

/**
 * Futures without a task, for tests of what stores and observers do with a future.
 */
public final class TestFutures {

	private TestFutures() {
	}

	/**
	 * Create an incomplete future of the given executor.
	 * @param <T> the result type
	 * @param executorName the name of the executor the future belongs to
	 * @param defaultExecutor the executor that runs async dependent stages
	 * @return the future
	 */
	public static <T> FutureProxy<T> incomplete(String executorName, Executor defaultExecutor) {
		return new FutureProxy<>(executorName, defaultExecutor);
	}

}
