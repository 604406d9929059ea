package dev.executor.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.InvalidExecutorPropertyException;
import org.jspecify.annotations.Nullable;

/**
 * The executor types that {@code executor.type} may name: the built-in ones first, then
 * those registered as {@link ExecutorBackend} beans.
 */
public class ExecutorBackends {

	private final Map<String, ExecutorBackend> backends = new LinkedHashMap<>();

	/**
	 * Create a registry of the given backends.
	 * @param backends the backends, built-in ones first
	 * @throws IllegalStateException if two backends have the same name
	 */
	public ExecutorBackends(Iterable<ExecutorBackend> backends) {
		for (ExecutorBackend backend : backends) {
			ExecutorBackend existing = this.backends.putIfAbsent(backend.name(), backend);
			if (existing != null) {
				throw new IllegalStateException("Executor backend " + backend + " cannot be registered as '"
						+ backend.name() + "': that name is taken by " + existing + "; give it another name");
			}
		}
	}

	/**
	 * Return the backend with the given name.
	 * @param type the name used in {@code executor.type}
	 * @return the backend, or {@code null}
	 */
	public @Nullable ExecutorBackend get(String type) {
		return this.backends.get(type);
	}

	/**
	 * Return the backend with the given name, which a property names.
	 * @param type the name used in {@code executor.type}
	 * @param property the property that names it
	 * @return the backend
	 * @throws InvalidExecutorPropertyException if there is no backend with that name
	 */
	public ExecutorBackend require(String type, String property) {
		ExecutorBackend backend = get(type);
		if (backend == null) {
			throw new InvalidExecutorPropertyException(property, type, "unknown executor type",
					"Set " + property + " to one of " + names() + ", or declare an "
							+ ExecutorBackend.class.getSimpleName() + " bean named '" + type + "'");
		}
		return backend;
	}

	/**
	 * Return the names of all backends, built-in ones first.
	 * @return the names
	 */
	public Set<String> names() {
		return Collections.unmodifiableSet(this.backends.keySet());
	}

}
