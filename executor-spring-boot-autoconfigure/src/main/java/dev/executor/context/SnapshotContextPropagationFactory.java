package dev.executor.context;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.executor.ExecutorSpec;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ContextPropagationFactory} that propagates named
 * {@link NamedThreadLocalAccessor accessors} and every other accessor registered with the
 * global {@link ContextRegistry}, the latter under the string form of their key. An
 * executor's {@link ExecutorSpec#contextInclude() include list} selects what its tasks
 * see; everything else is cleared while they run.
 * <p>
 * The accessors are kept in a registry of their own rather than added to the global one,
 * so that other users of the global registry are not affected. Accessors registered with
 * the global registry after start-up are picked up at the next submission.
 */
public class SnapshotContextPropagationFactory implements ContextPropagationFactory {

	/**
	 * The names of the context that the starter propagates when the libraries behind it
	 * are on the classpath, in propagation order.
	 */
	public static final List<String> STANDARD_NAMES = List.of("request", "security", "locale", "mdc", "observation");

	private final Map<String, ThreadLocalAccessor<?>> named = new LinkedHashMap<>();

	private final Map<Object, String> namesByKey = new LinkedHashMap<>();

	private final ContextRegistry global;

	private volatile @Nullable Registries registries;

	/**
	 * Create a factory over the global {@link ContextRegistry}.
	 * @param accessors the named accessors; when two have the same name, the first wins
	 */
	public SnapshotContextPropagationFactory(Collection<NamedThreadLocalAccessor> accessors) {
		this(accessors, ContextRegistry.getInstance());
	}

	/**
	 * Create a factory.
	 * @param accessors the named accessors; when two have the same name, the first wins
	 * @param global the registry whose other accessors are propagated too
	 */
	public SnapshotContextPropagationFactory(Collection<NamedThreadLocalAccessor> accessors, ContextRegistry global) {
		for (NamedThreadLocalAccessor accessor : accessors) {
			if (this.named.putIfAbsent(accessor.name(), accessor.accessor()) == null) {
				this.namesByKey.put(accessor.accessor().key(), accessor.name());
			}
		}
		this.global = global;
	}

	@Override
	public Set<String> names() {
		Set<String> names = new LinkedHashSet<>(STANDARD_NAMES);
		names.addAll(this.named.keySet());
		for (ThreadLocalAccessor<?> accessor : this.global.getThreadLocalAccessors()) {
			names.add(nameOf(accessor.key()));
		}
		return names;
	}

	@Override
	public ContextPropagation create(ExecutorSpec spec) {
		return create(spec.propagateContext() ? spec.contextInclude() : Set.of());
	}

	/**
	 * Return a propagation of the context with the given names.
	 * @param include the names of what to propagate, {@code null} for everything
	 * @return the propagation
	 */
	public ContextPropagation create(@Nullable Set<String> include) {
		Predicate<Object> keyPredicate = (include != null) ? (key) -> include.contains(nameOf(key)) : (key) -> true;
		return new SnapshotContextPropagation(this::registry, keyPredicate);
	}

	private String nameOf(Object key) {
		String name = this.namesByKey.get(key);
		return (name != null) ? name : key.toString();
	}

	/**
	 * Return the registry of the named accessors followed by the other accessors of the
	 * global registry, rebuilt when the global registry changes.
	 * @return the registry
	 */
	ContextRegistry registry() {
		List<ThreadLocalAccessor<?>> globalAccessors = this.global.getThreadLocalAccessors();
		Registries registries = this.registries;
		if (registries == null || !sameAccessors(registries.globalAccessors(), globalAccessors)) {
			registries = new Registries(new ArrayList<>(globalAccessors), build(globalAccessors));
			this.registries = registries;
		}
		return registries.registry();
	}

	// runs at every capture, so it looks at the size and the last accessor only: the
	// global registry appends what is registered (replacing an accessor of the same key
	// removes it first) and shrinks when one is removed, so any one change between two
	// captures shows there
	private static boolean sameAccessors(List<ThreadLocalAccessor<?>> known, List<ThreadLocalAccessor<?>> current) {
		int size = known.size();
		try {
			return current.size() == size && (size == 0 || current.get(size - 1) == known.get(size - 1));
		}
		catch (IndexOutOfBoundsException ex) {
			// an accessor was removed meanwhile
			return false;
		}
	}

	private ContextRegistry build(List<ThreadLocalAccessor<?>> globalAccessors) {
		ContextRegistry registry = new ContextRegistry();
		this.named.values().forEach(registry::registerThreadLocalAccessor);
		globalAccessors.stream()
			.filter((accessor) -> !this.namesByKey.containsKey(accessor.key()))
			.forEach(registry::registerThreadLocalAccessor);
		return registry;
	}

	private record Registries(List<ThreadLocalAccessor<?>> globalAccessors, ContextRegistry registry) {

	}

}
