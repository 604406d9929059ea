package dev.executor.spi;

import java.io.Serializable;

import org.springframework.context.ApplicationContext;

/**
 * Where work that travels out of the application instance that submits it, such as a
 * {@link dev.executor.Job @Job} method call on a {@link RemoteTaskPool}, finds the
 * application context that holds its beans once it has arrived: a worker process's own
 * context, or the context of the application instance on a cluster member.
 */
@FunctionalInterface
public interface ApplicationContextSource extends Serializable {

	/**
	 * Return the application context of the place the work runs in.
	 * @return the context
	 * @throws Exception if there is none
	 */
	ApplicationContext context() throws Exception;

}
