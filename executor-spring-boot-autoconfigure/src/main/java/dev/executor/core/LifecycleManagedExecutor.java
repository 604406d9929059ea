package dev.executor.core;

import dev.executor.ManagedExecutor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Adapts a {@link ManagedExecutor}'s two-step shutdown to the Spring lifecycle: it stops
 * accepting tasks in the executors' {@link #PHASE phase}, after the web server has
 * finished its graceful shutdown, and closes (waiting for what runs and cancelling what
 * is left) when its bean is destroyed.
 */
abstract class LifecycleManagedExecutor extends AbstractManagedExecutor implements SmartLifecycle, DisposableBean {

	/**
	 * The lifecycle phase of managed executors: they stop accepting tasks after the web
	 * server has finished its graceful shutdown.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

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
		return !isShutdown();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
