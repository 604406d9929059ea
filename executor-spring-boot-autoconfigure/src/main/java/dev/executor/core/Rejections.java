package dev.executor.core;

import java.util.concurrent.RejectedExecutionException;

import dev.executor.ExecutorSpec;
import dev.executor.spi.TaskPool;

/**
 * The messages of the rejections an executor throws to a submitter: the executor says
 * that it is shut down, the pool why it rejected a task while running.
 */
final class Rejections {

	private Rejections() {
	}

	static RejectedExecutionException shutDown(String name) {
		return new RejectedExecutionException(
				"Executor '" + name + "' is shut down and accepts no more tasks (the application context is closing)");
	}

	static RejectedExecutionException describe(ExecutorSpec spec, TaskPool pool, boolean shutDown,
			RejectedExecutionException ex) {
		return shutDown ? shutDown(spec.name()) : pool.rejection(spec, ex);
	}

}
