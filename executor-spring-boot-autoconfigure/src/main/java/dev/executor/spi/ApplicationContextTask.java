package dev.executor.spi;

/**
 * A task that runs in the application context of the place it travels to, found by its
 * {@link ApplicationContextSource}, such as a {@link dev.executor.Job @Job} method call.
 * A {@link RemoteTaskPool} whose places start that context in the background can send
 * such a task to a place that has started it already, rather than make it wait.
 */
public interface ApplicationContextTask {

	/**
	 * Return where the task finds its application context once it has arrived.
	 * @return the source of the task's application context
	 */
	ApplicationContextSource contextSource();

}
