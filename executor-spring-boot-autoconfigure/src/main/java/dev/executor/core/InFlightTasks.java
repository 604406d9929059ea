package dev.executor.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import dev.executor.spi.TaskPool;
import org.jspecify.annotations.Nullable;

/**
 * The tasks of one executor that have not ended yet, queued or running: counted when
 * asked, and cancelled when the executor stops for good, so that every future ends even
 * if the pool drops what it was given.
 * <p>
 * Any pool can have its tasks {@link #of(ExecutorService, TaskPool) registered} one by
 * one. A plain {@link ThreadPoolExecutor} that aborts or runs what it rejects needs no
 * register: its queue holds the very tasks it was given, and the tasks running are found
 * through the thread that runs them, which spares every task two updates of a map shared
 * by all threads.
 */
abstract class InFlightTasks {

	/**
	 * Return how to keep track of the tasks of the given pool.
	 * @param pool the pool
	 * @param taskPool the view of the pool's queue
	 * @return the tasks in flight on it
	 */
	static InFlightTasks of(ExecutorService pool, TaskPool taskPool) {
		if (pool instanceof ThreadPoolExecutor threadPool && keepsWhatItIsGiven(threadPool)) {
			return new PooledTasks(threadPool, taskPool);
		}
		return new RegisteredTasks(taskPool);
	}

	// a subclass may wrap what it queues, and a handler other than these drops tasks
	// without a trace
	private static boolean keepsWhatItIsGiven(ThreadPoolExecutor pool) {
		RejectedExecutionHandler handler = pool.getRejectedExecutionHandler();
		return pool.getClass() == ThreadPoolExecutor.class && (handler instanceof ThreadPoolExecutor.AbortPolicy
				|| handler instanceof ThreadPoolExecutor.CallerRunsPolicy);
	}

	/**
	 * Called when a task is about to be handed to the pool.
	 * @param task the task
	 */
	abstract void submitted(ManagedTask<?> task);

	/**
	 * Called when a task ended without running: the pool rejected it or it was
	 * cancelled while queued.
	 * @param task the task
	 */
	abstract void dropped(ManagedTask<?> task);

	/**
	 * Called on the thread that is about to run a task.
	 * @param task the task
	 * @return what to hand to {@link #exited(ManagedTask, Object)}
	 */
	abstract @Nullable Object entered(ManagedTask<?> task);

	/**
	 * Called on the thread that ran a task, or found it ended when about to run it, when
	 * the task has ended.
	 * @param task the task
	 * @param entry what {@link #entered(ManagedTask)} returned
	 * @param ran whether the task ran
	 */
	abstract void exited(ManagedTask<?> task, @Nullable Object entry, boolean ran);

	/**
	 * Return the number of tasks that ran to their end, whatever their outcome.
	 * @return the number of completed tasks
	 */
	abstract long completed();

	/**
	 * Return the number of tasks that have not ended yet, queued or running, including
	 * those that are finishing.
	 * @return the number of tasks in flight
	 */
	abstract int size();

	/**
	 * Return the number of tasks running now.
	 * @return the number of running tasks
	 */
	abstract int running();

	/**
	 * Return the number of tasks waiting for a thread.
	 * @return the number of queued tasks
	 */
	abstract int queued();

	/**
	 * Cancel every task in flight, with interruption, and take the tasks that never
	 * started out of the pool's queue.
	 * @return the tasks that never started
	 */
	abstract List<Runnable> cancelAll();

	/**
	 * Every task in a set, added at submission and removed when it ends.
	 */
	private static final class RegisteredTasks extends InFlightTasks {

		private final TaskPool taskPool;

		private final Set<ManagedTask<?>> tasks = ConcurrentHashMap.newKeySet();

		private final LongAdder completed = new LongAdder();

		RegisteredTasks(TaskPool taskPool) {
			this.taskPool = taskPool;
		}

		@Override
		void submitted(ManagedTask<?> task) {
			this.tasks.add(task);
		}

		@Override
		void dropped(ManagedTask<?> task) {
			this.tasks.remove(task);
		}

		@Override
		@Nullable Object entered(ManagedTask<?> task) {
			return null;
		}

		@Override
		void exited(ManagedTask<?> task, @Nullable Object entry, boolean ran) {
			if (ran) {
				this.completed.increment();
			}
			this.tasks.remove(task);
		}

		@Override
		long completed() {
			return this.completed.sum();
		}

		@Override
		int size() {
			return this.tasks.size();
		}

		@Override
		int running() {
			return count(ManagedTask::isRunning);
		}

		@Override
		int queued() {
			return count(ManagedTask::isQueued);
		}

		private int count(Predicate<ManagedTask<?>> condition) {
			int count = 0;
			for (ManagedTask<?> task : this.tasks) {
				if (condition.test(task)) {
					count++;
				}
			}
			return count;
		}

		@Override
		List<Runnable> cancelAll() {
			// cancelling the queued tasks one by one would search the queue for each
			List<Runnable> queued = this.taskPool.drainQueue();
			for (ManagedTask<?> task : this.tasks) {
				task.future().cancel(true);
			}
			return queued;
		}

	}

	/**
	 * The tasks of a plain {@link ThreadPoolExecutor}: those queued are in its queue, each
	 * running one in a slot of the thread that runs it.
	 */
	private static final class PooledTasks extends InFlightTasks {

		private final ThreadPoolExecutor pool;

		private final TaskPool taskPool;

		private final Set<Slot> slots = ConcurrentHashMap.newKeySet();

		private final ThreadLocal<Slot> slot = ThreadLocal.withInitial(this::newSlot);

		private int pruneAt = 64;

		private volatile long completedByPrunedSlots;

		private volatile boolean cancelling;

		PooledTasks(ThreadPoolExecutor pool, TaskPool taskPool) {
			this.pool = pool;
			this.taskPool = taskPool;
		}

		private Slot newSlot() {
			Slot slot = new Slot(Thread.currentThread());
			synchronized (this.slots) {
				// pool threads end when idle, and new ones take their place
				if (this.slots.size() >= this.pruneAt) {
					this.slots.removeIf(this::prune);
					this.pruneAt = Math.max(64, this.slots.size() * 2);
				}
				this.slots.add(slot);
			}
			return slot;
		}

		private boolean prune(Slot slot) {
			if (!slot.isStale()) {
				return false;
			}
			this.completedByPrunedSlots += slot.completed;
			return true;
		}

		@Override
		void submitted(ManagedTask<?> task) {
		}

		@Override
		void dropped(ManagedTask<?> task) {
		}

		@Override
		Object entered(ManagedTask<?> task) {
			Slot slot = this.slot.get();
			slot.task = task;
			// either cancelAll() sees the task in its slot or the task sees it cancelling
			if (this.cancelling) {
				task.future().cancel(true);
			}
			return slot;
		}

		@Override
		void exited(ManagedTask<?> task, @Nullable Object entry, boolean ran) {
			if (entry instanceof Slot slot) {
				if (ran) {
					slot.completed++;
				}
				slot.release();
			}
		}

		@Override
		long completed() {
			long completed = this.completedByPrunedSlots;
			for (Slot slot : this.slots) {
				completed += slot.completed;
			}
			return completed;
		}

		@Override
		int size() {
			int count = this.pool.getQueue().size();
			for (Slot slot : this.slots) {
				if (slot.task != null) {
					count++;
				}
			}
			return count;
		}

		@Override
		int running() {
			int count = 0;
			for (Slot slot : this.slots) {
				ManagedTask<?> task = slot.task;
				if (task != null && task.isRunning()) {
					count++;
				}
			}
			return count;
		}

		@Override
		int queued() {
			return this.pool.getQueue().size();
		}

		@Override
		List<Runnable> cancelAll() {
			this.cancelling = true;
			// empty the queue first: a thread whose task is interrupted would take the next
			List<Runnable> queued = this.taskPool.drainQueue();
			for (Runnable runnable : queued) {
				if (runnable instanceof ManagedTask<?> task) {
					task.future().cancel(false);
				}
			}
			for (Slot slot : this.slots) {
				ManagedTask<?> task = slot.task;
				if (task != null) {
					task.future().cancel(true);
				}
			}
			return queued;
		}

	}

	/**
	 * The task a pool thread is running.
	 */
	private static final class Slot {

		private static final VarHandle TASK;

		static {
			try {
				TASK = MethodHandles.lookup().findVarHandle(Slot.class, "task", ManagedTask.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		private final Thread thread;

		private volatile @Nullable ManagedTask<?> task;

		// written by its thread only, and published by the release of task that follows
		private long completed;

		Slot(Thread thread) {
			this.thread = thread;
		}

		void release() {
			TASK.setRelease(this, null);
		}

		boolean isStale() {
			return this.task == null && !this.thread.isAlive();
		}

	}

}
