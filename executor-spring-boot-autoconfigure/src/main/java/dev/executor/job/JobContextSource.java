package dev.executor.job;

import java.io.Serializable;

import org.springframework.context.ApplicationContext;

/**
 * Where a {@link JobCall} finds, wherever it runs, the application context that holds the
 * job's bean: a worker process's own context, or the context of the application instance
 * on a Hazelcast member.
 */
@FunctionalInterface
interface JobContextSource extends Serializable {

	/**
	 * Return the application context of the place the call runs in.
	 * @return the context
	 * @throws Exception if there is none
	 */
	ApplicationContext context() throws Exception;

}
