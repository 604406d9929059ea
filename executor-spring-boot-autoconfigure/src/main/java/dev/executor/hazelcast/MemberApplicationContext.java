package dev.executor.hazelcast;

import java.io.Serial;

import dev.executor.spi.ApplicationContextSource;

import org.springframework.context.ApplicationContext;

/**
 * The application context of the application instance on the Hazelcast member that runs
 * a {@link dev.executor.Job @Job} method call, as registered in the member's user context
 * by the instance's {@code hazelcast} executor type.
 */
final class MemberApplicationContext implements ApplicationContextSource {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public ApplicationContext context() {
		return HazelcastTasks.currentApplicationContext()
			.orElseThrow(() -> new IllegalStateException("A @Job method call reached a Hazelcast member without a "
					+ "Spring application context of the application; run the application on every member of the "
					+ "cluster that runs hazelcast executors with @Job methods"));
	}

}
