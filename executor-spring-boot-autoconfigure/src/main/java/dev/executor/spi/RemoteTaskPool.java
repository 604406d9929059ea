package dev.executor.spi;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * A pool that runs its tasks outside the application instance that submits them, in
 * another JVM. A call of a {@link dev.executor.Job @Job} method cannot run on the bean it
 * was made on there: it travels as a serialisable call that finds the job's bean, by
 * name, in the application context the pool says.
 */
public interface RemoteTaskPool {

	/**
	 * Return where a job call, once it has arrived where this pool runs it, finds the
	 * application context that holds the job's bean.
	 * @param beanFactory the bean factory of the submitting application
	 * @return a serialisable source of that context
	 * @throws IllegalStateException if job calls cannot run on this pool, with a message
	 * that says why and what to do, to follow "runs on executor 'name', "
	 */
	ApplicationContextSource jobContext(ConfigurableListableBeanFactory beanFactory);

}
