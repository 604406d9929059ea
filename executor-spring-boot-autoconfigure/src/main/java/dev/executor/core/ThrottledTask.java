package dev.executor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import dev.executor.TaskThrottle;
import org.jspecify.annotations.Nullable;

/**
 * The body of a task submitted under a {@link TaskThrottle}, shared by its attempts: each
 * attempt takes a place in the throttle before it goes to the pool, or waits for one
 * without a worker, and gives it up when its run ends, or when it ends without running.
 *
 * @param <T> the result type
 */
final class ThrottledTask<T extends @Nullable Object> implements Callable<T>, BooleanSupplier {

	private static final VarHandle HOLDING;

	static {
		try {
			HOLDING = MethodHandles.lookup().findVarHandle(ThrottledTask.class, "holding", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final DelegatingManagedExecutor executor;

	private final TaskThrottle throttle;

	private final WaitingTasks waiting;

	private final Callable<T> callable;

	// the attempt that waits for a place or holds one: one at a time
	private volatile @Nullable ManagedTask<T> attempt;

	// whether the current attempt holds a place; given up exactly once
	private volatile boolean holding;

	ThrottledTask(DelegatingManagedExecutor executor, TaskThrottle throttle, WaitingTasks waiting,
			Callable<T> callable) {
		this.executor = executor;
		this.throttle = throttle;
		this.waiting = waiting;
		this.callable = callable;
	}

	/**
	 * Take a place for an attempt and hand it to the pool, or leave it waiting.
	 * @param attempt the attempt
	 * @return whether the attempt went to the pool now
	 * @throws org.springframework.resilience.InvocationRejectedException if the throttle
	 * rejects and has no place
	 */
	boolean admit(ManagedTask<T> attempt) {
		this.attempt = attempt;
		if (!this.throttle.enter(this)) {
			this.waiting.add(attempt);
			return false;
		}
		this.holding = true;
		return true;
	}

	/**
	 * Start the waiting attempt now that a place was left to it, unless it ended while
	 * it waited, or its executor shut down and cancelled it.
	 * @return whether the attempt took the place
	 */
	@Override
	public boolean getAsBoolean() {
		ManagedTask<T> waiting = Objects.requireNonNull(this.attempt);
		this.holding = true;
		if (this.waiting.remove(waiting) && waiting.isQueued()) {
			this.executor.executeAdmitted(waiting);
			return true;
		}
		if (!HOLDING.compareAndSet(this, true, false)) {
			// it ended meanwhile and gave the place on itself
			return true;
		}
		return false;
	}

	@Override
	public T call() throws Exception {
		try {
			return this.callable.call();
		}
		finally {
			release();
		}
	}

	/**
	 * Note that the current attempt ended without running.
	 */
	void dequeued() {
		ManagedTask<T> current = this.attempt;
		if (current != null) {
			this.waiting.remove(current);
		}
		if (!this.throttle.withdraw(this)) {
			release();
		}
	}

	/**
	 * Give up the current attempt's place, if it still holds one.
	 */
	void release() {
		if (HOLDING.compareAndSet(this, true, false)) {
			this.throttle.leave();
		}
	}

}
