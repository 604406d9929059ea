package dev.executor.context;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * A {@link ContextPropagation} that captures every {@code ThreadLocalAccessor} registered
 * with a {@link ContextRegistry}. Restoring clears the thread locals the snapshot does
 * not hold, so a pooled thread never runs a task with a previous task's context.
 */
public class SnapshotContextPropagation implements ContextPropagation {

	private final ContextSnapshotFactory snapshotFactory;

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
		this.snapshotFactory = ContextSnapshotFactory.builder().contextRegistry(registry).clearMissing(true).build();
	}

	@Override
	public TaskContext capture() {
		ContextSnapshot snapshot = this.snapshotFactory.captureAll();
		return () -> snapshot.setThreadLocals()::close;
	}

}
