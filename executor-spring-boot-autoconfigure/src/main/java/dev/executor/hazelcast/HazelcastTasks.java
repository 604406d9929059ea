package dev.executor.hazelcast;

import java.util.Optional;

import com.hazelcast.core.HazelcastInstance;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;

/**
 * Access, from inside a task of a {@code hazelcast} executor, to the member that runs it.
 */
public final class HazelcastTasks {

	private static final String APPLICATION_CONTEXT = "dev.executor.applicationContext";

	private static final ThreadLocal<@Nullable HazelcastInstance> current = new ThreadLocal<>();

	private HazelcastTasks() {
	}

	/**
	 * Return the Hazelcast instance of the member that runs the current task.
	 * @return the instance, empty outside a task of a {@code hazelcast} executor
	 */
	public static Optional<HazelcastInstance> currentInstance() {
		return Optional.ofNullable(current.get());
	}

	/**
	 * Return the Spring application context of the application instance on the member
	 * that runs the current task, registered there by the instance's {@code hazelcast}
	 * executor type.
	 * @return the context, empty outside a task of a {@code hazelcast} executor or on a
	 * member without the application
	 */
	public static Optional<ApplicationContext> currentApplicationContext() {
		return currentInstance().map((instance) -> instance.getUserContext().get(APPLICATION_CONTEXT))
			.filter(ApplicationContext.class::isInstance)
			.map(ApplicationContext.class::cast);
	}

	static void register(HazelcastInstance instance, ApplicationContext context) {
		instance.getUserContext().putIfAbsent(APPLICATION_CONTEXT, context);
	}

	static void set(@Nullable HazelcastInstance instance) {
		if (instance != null) {
			current.set(instance);
		}
		else {
			current.remove();
		}
	}

}
