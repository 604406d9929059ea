package dev.executor.context;

import java.util.function.Predicate;
import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ContextPropagation} that captures the {@code ThreadLocalAccessor}s of a
 * {@link ContextRegistry}. Restoring clears the thread locals of the registry that the
 * snapshot does not hold, so a pooled thread never runs a task with a previous task's
 * context, nor with context it inherited from the thread that created it; closing the
 * scope puts back what the thread held before.
 */
public class SnapshotContextPropagation implements ContextPropagation {

	private final Supplier<ContextRegistry> registry;

	private final Predicate<Object> keyPredicate;

	private volatile @Nullable CachedFactory cached;

	/**
	 * Create a propagation over the global {@link ContextRegistry}.
	 */
	public SnapshotContextPropagation() {
		this(ContextRegistry.getInstance());
	}

	/**
	 * Create a propagation over the given registry.
	 * @param registry the registry of thread local accessors
	 */
	public SnapshotContextPropagation(ContextRegistry registry) {
		this(() -> registry, (key) -> true);
	}

	/**
	 * Create a propagation that captures the thread locals of the given registry whose
	 * key matches the given predicate, and clears all the others of that registry.
	 * @param registry supplies the registry of thread local accessors; called at every
	 * capture, so that the registry can change
	 * @param keyPredicate which accessor keys to capture
	 */
	public SnapshotContextPropagation(Supplier<ContextRegistry> registry, Predicate<Object> keyPredicate) {
		this.registry = registry;
		this.keyPredicate = keyPredicate;
	}

	@Override
	public TaskContext capture() {
		ContextSnapshot snapshot = snapshotFactory().captureAll();
		return () -> snapshot.setThreadLocals()::close;
	}

	private ContextSnapshotFactory snapshotFactory() {
		ContextRegistry registry = this.registry.get();
		CachedFactory cached = this.cached;
		if (cached == null || cached.registry() != registry) {
			cached = new CachedFactory(registry, ContextSnapshotFactory.builder()
				.contextRegistry(registry)
				.captureKeyPredicate(this.keyPredicate)
				.clearMissing(true)
				.build());
			this.cached = cached;
		}
		return cached.factory();
	}

	private record CachedFactory(ContextRegistry registry, ContextSnapshotFactory factory) {

	}

}
