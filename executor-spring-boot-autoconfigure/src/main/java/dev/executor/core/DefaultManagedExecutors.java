package dev.executor.core;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.NoSuchExecutorException;

/**
 * {@link ManagedExecutors} over a fixed set of executors.
 */
public class DefaultManagedExecutors implements ManagedExecutors {

	private final Map<String, ManagedExecutor> executors = new LinkedHashMap<>();

	/**
	 * Create a registry of the given executors.
	 * @param executors the executors
	 * @throws IllegalStateException if two executors have the same name
	 */
	public DefaultManagedExecutors(Iterable<ManagedExecutor> executors) {
		for (ManagedExecutor executor : executors) {
			ManagedExecutor existing = this.executors.putIfAbsent(executor.name(), executor);
			if (existing != null && existing != executor) {
				throw new IllegalStateException("Two executors are named '" + executor.name() + "': " + existing
						+ " and " + executor + "; give each executor bean a different name");
			}
		}
	}

	@Override
	public ManagedExecutor get(String name) {
		ManagedExecutor executor = this.executors.get(name);
		if (executor == null) {
			throw new NoSuchExecutorException(name, names());
		}
		return executor;
	}

	@Override
	public Set<String> names() {
		return Collections.unmodifiableSet(this.executors.keySet());
	}

	@Override
	public Iterator<ManagedExecutor> iterator() {
		return Collections.unmodifiableCollection(this.executors.values()).iterator();
	}

}
