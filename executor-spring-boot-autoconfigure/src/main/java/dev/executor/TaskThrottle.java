package dev.executor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.springframework.resilience.InvocationRejectedException;

/**
 * A limit on how many tasks run at once, shared by every call that submits through it,
 * on one executor or several. A task counts from the moment it is handed to its
 * executor's pool until its attempt ends. Over the limit, a queueing throttle keeps
 * further tasks waiting on their futures without a worker and hands each to its
 * executor when a running one ends; a rejecting throttle refuses them at submit with
 * Spring's {@link InvocationRejectedException}:
 * <pre class="code">
 * TaskThrottle partnerCalls = TaskThrottle.queueing("partner calls", 2);
 * executor.with(TaskOptions.throttle(partnerCalls)).submit(() -&gt; partner.fetch(order));
 * </pre>
 * Tasks that wait here when their executor shuts down end cancelled, like those that
 * wait out a retry back-off. {@link dev.executor.Job @Job} methods annotated with
 * {@code @ConcurrencyLimit} get one of these per method.
 *
 * @since 0.1.0
 */
public final class TaskThrottle {

	private final String name;

	private final int limit;

	private final boolean rejecting;

	// guarded by this
	private int admitted;

	// guarded by this
	private final Deque<BooleanSupplier> waiting = new ArrayDeque<>();

	private TaskThrottle(String name, int limit, boolean rejecting) {
		Objects.requireNonNull(name, "'name' must not be null");
		if (limit < 1) {
			throw new IllegalArgumentException(
					"The limit of task throttle '" + name + "' is " + limit + "; it must be at least 1");
		}
		this.name = name;
		this.limit = limit;
		this.rejecting = rejecting;
	}

	/**
	 * Return a throttle under which tasks over the limit wait for a running one to end.
	 * @param name what the throttle limits, for messages
	 * @param limit how many tasks may run at once, at least 1
	 * @return the throttle
	 */
	public static TaskThrottle queueing(String name, int limit) {
		return new TaskThrottle(name, limit, false);
	}

	/**
	 * Return a throttle that refuses tasks over the limit at submit.
	 * @param name what the throttle limits, for messages
	 * @param limit how many tasks may run at once, at least 1
	 * @return the throttle
	 */
	public static TaskThrottle rejecting(String name, int limit) {
		return new TaskThrottle(name, limit, true);
	}

	/**
	 * Return what the throttle limits.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return how many tasks may run at once.
	 * @return the limit
	 */
	public int limit() {
		return this.limit;
	}

	/**
	 * Return whether tasks over the limit are refused rather than kept waiting.
	 * @return whether the throttle rejects
	 */
	public boolean isRejecting() {
		return this.rejecting;
	}

	/**
	 * Return how many tasks hold a place now: queued in their executor's pool or running.
	 * @return the number of tasks
	 */
	public synchronized int admitted() {
		return this.admitted;
	}

	/**
	 * Return how many tasks wait for a place.
	 * @return the number of tasks
	 */
	public synchronized int waiting() {
		return this.waiting.size();
	}

	/**
	 * Take a place for a task, called by executors as a task is submitted: if one is
	 * free, the caller hands the task to its pool; if not, the given start is kept and
	 * called once a place is left to it by {@link #leave()}.
	 * @param start hands the task to its pool once it has a place, and says whether it
	 * took the place: not when the task ended while it waited
	 * @return whether the task has a place now
	 * @throws InvocationRejectedException if the throttle rejects and none is free
	 */
	public boolean enter(BooleanSupplier start) {
		synchronized (this) {
			if (this.admitted < this.limit) {
				this.admitted++;
				return true;
			}
			if (!this.rejecting) {
				this.waiting.add(start);
				return false;
			}
		}
		throw new InvocationRejectedException("Concurrency limit of " + this.limit + " reached, not allowed to enter "
				+ this.name + "; wait for a running task to end, or raise the limit", this);
	}

	/**
	 * Give up a place, called by executors when a task that had one ends: the first
	 * waiting task, if any, takes it over and is started.
	 */
	public void leave() {
		while (true) {
			BooleanSupplier next;
			synchronized (this) {
				next = this.waiting.poll();
				if (next == null) {
					this.admitted--;
					return;
				}
			}
			if (next.getAsBoolean()) {
				return;
			}
		}
	}

	/**
	 * Stop waiting for a place, called by executors when a task ends before it started.
	 * @param start the start given to {@link #enter(BooleanSupplier)}
	 * @return whether it was still waiting; if not, the task had a place, which the
	 * caller gives up with {@link #leave()}
	 */
	public synchronized boolean withdraw(BooleanSupplier start) {
		return this.waiting.remove(start);
	}

	@Override
	public String toString() {
		return "TaskThrottle[" + this.name + ", limit=" + this.limit + (this.rejecting ? ", rejecting" : ", queueing")
				+ "]";
	}

}
