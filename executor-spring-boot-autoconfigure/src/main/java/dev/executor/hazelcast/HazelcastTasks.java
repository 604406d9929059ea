package dev.executor.hazelcast;

import java.util.Optional;

import com.hazelcast.core.HazelcastInstance;
import org.jspecify.annotations.Nullable;

/**
 * Access, from inside a task of a {@code hazelcast} executor, to the member that runs it.
 */
public final class HazelcastTasks {

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

	static void set(@Nullable HazelcastInstance instance) {
		if (instance != null) {
			current.set(instance);
		}
		else {
			current.remove();
		}
	}

}
