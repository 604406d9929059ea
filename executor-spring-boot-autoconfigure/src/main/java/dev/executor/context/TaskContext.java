package dev.executor.context;

/**
 * The context of a submitting thread, captured so that it can be restored around a task
 * or a callback on another thread.
 */
@FunctionalInterface
public interface TaskContext {

	/**
	 * A context that restores nothing.
	 */
	TaskContext EMPTY = () -> Scope.NONE;

	/**
	 * Restore this context on the current thread.
	 * @return the scope to close when the task ends, which puts back what the thread held
	 * before
	 */
	Scope restore();

	/**
	 * The scope of a restored context.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		/**
		 * A scope that does nothing on close.
		 */
		Scope NONE = () -> {
		};

		@Override
		void close();

	}

}
