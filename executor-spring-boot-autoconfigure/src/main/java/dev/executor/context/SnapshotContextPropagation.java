package dev.executor.context;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ContextPropagation} that captures the {@code ThreadLocalAccessor}s of a
 * {@link ContextRegistry}, with the semantics of context-propagation's
 * {@code ContextSnapshot} in its clear-missing mode but kept in arrays, since it runs
 * twice for every task. Restoring clears the thread locals of the registry that the
 * snapshot does not hold, so a pooled thread never runs a task with a previous task's
 * context, nor with context it inherited from the thread that created it; closing the
 * scope puts back what the thread held before.
 * <p>
 * A thread whose context objects are the same as at its previous capture, as when one
 * request submits many tasks, gets that capture again rather than a new one: values
 * that are the very objects captured before are reused, and so are those that a
 * {@link ReusableThreadLocalAccessor} still finds current.
 */
public class SnapshotContextPropagation implements ContextPropagation {

	// in the values a scope puts back: what a thread held is put back only where restoring
	// changed it
	private static final Object UNCHANGED = new Object();

	private final Supplier<ContextRegistry> registry;

	private final Predicate<Object> keyPredicate;

	private volatile @Nullable Accessors accessors;

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
		return accessors().capture();
	}

	private Accessors accessors() {
		ContextRegistry registry = this.registry.get();
		Accessors accessors = this.accessors;
		if (accessors == null || accessors.registry != registry) {
			accessors = new Accessors(registry, this.keyPredicate);
			this.accessors = accessors;
		}
		return accessors;
	}

	/**
	 * The accessors of one registry: those whose values are captured and those that are
	 * only cleared while a task runs.
	 */
	private static final class Accessors {

		private final ContextRegistry registry;

		private final ThreadLocalAccessor<?>[] all;

		private final boolean[] captured;

		private final boolean[] reusable;

		private final Snapshot empty;

		// whether any accessor is captured: an executor that propagates nothing only
		// clears, and need not look up what its thread captured last
		private final boolean capturesAny;

		// each thread's latest capture that held something, held weakly so that a thread
		// that submits no more does not keep a request or a user alive once its tasks ended
		private final ThreadLocal<WeakReference<Snapshot>> latest = new ThreadLocal<>();

		Accessors(ContextRegistry registry, Predicate<Object> keyPredicate) {
			this.registry = registry;
			List<ThreadLocalAccessor<?>> accessors = registry.getThreadLocalAccessors();
			this.all = accessors.toArray(new ThreadLocalAccessor<?>[0]);
			this.captured = new boolean[this.all.length];
			this.reusable = new boolean[this.all.length];
			boolean capturesAny = false;
			for (int i = 0; i < this.all.length; i++) {
				this.captured[i] = keyPredicate.test(this.all[i].key());
				this.reusable[i] = this.all[i] instanceof ReusableThreadLocalAccessor;
				capturesAny |= this.captured[i];
			}
			this.capturesAny = capturesAny;
			this.empty = new Snapshot(this.all, null);
		}

		/**
		 * Capture the values of the current thread; when they are those of the thread's
		 * latest capture, return that capture rather than a new one.
		 */
		TaskContext capture() {
			if (!this.capturesAny) {
				return this.empty;
			}
			WeakReference<Snapshot> reference = this.latest.get();
			Snapshot latest = (reference != null) ? reference.get() : null;
			@Nullable Object @Nullable [] known = (latest != null) ? latest.values : null;
			// a new array once a value differs from the latest capture's
			@Nullable Object @Nullable [] values = null;
			boolean any = false;
			for (int i = 0; i < this.all.length; i++) {
				Object before = (known != null) ? known[i] : null;
				Object value = this.captured[i] ? valueOf(i, before) : null;
				if (values == null && value != before) {
					values = (known != null) ? Arrays.copyOf(known, known.length) : new Object[this.all.length];
				}
				if (values != null) {
					values[i] = value;
				}
				any |= value != null;
			}
			if (!any) {
				return this.empty;
			}
			if (values == null) {
				return Objects.requireNonNull(latest);
			}
			Snapshot snapshot = new Snapshot(this.all, values);
			this.latest.set(new WeakReference<>(snapshot));
			return snapshot;
		}

		private @Nullable Object valueOf(int index, @Nullable Object before) {
			if (before != null && this.reusable[index] && isCurrent(this.all[index], before)) {
				return before;
			}
			return this.all[index].getValue();
		}

		@SuppressWarnings("unchecked")
		private static <V> boolean isCurrent(ThreadLocalAccessor<V> accessor, Object captured) {
			return ((ReusableThreadLocalAccessor<V>) accessor).isCurrent((V) captured);
		}

	}

	/**
	 * Captured values, by accessor index; {@code null} values are cleared on restore.
	 */
	private static final class Snapshot implements TaskContext {

		private final ThreadLocalAccessor<?>[] accessors;

		private final @Nullable Object @Nullable [] values;

		Snapshot(ThreadLocalAccessor<?>[] accessors, @Nullable Object @Nullable [] values) {
			this.accessors = accessors;
			this.values = values;
		}

		@Override
		public Scope restore() {
			@Nullable Object[] previous = null;
			for (int i = 0; i < this.accessors.length; i++) {
				Object value = (this.values != null) ? this.values[i] : null;
				Object current = this.accessors[i].getValue();
				if (value == null && current == null) {
					continue;
				}
				if (previous == null) {
					previous = new Object[this.accessors.length];
					Arrays.fill(previous, UNCHANGED);
				}
				previous[i] = current;
				set(this.accessors[i], value);
			}
			return (previous != null) ? new RestoringScope(this.accessors, previous) : Scope.NONE;
		}

		@SuppressWarnings("unchecked")
		private static <V> void set(ThreadLocalAccessor<V> accessor, @Nullable Object value) {
			if (value != null) {
				accessor.setValue((V) value);
			}
			else {
				accessor.setValue();
			}
		}

	}

	/**
	 * Puts back what a thread held before a snapshot was restored on it, in reverse order;
	 * {@link #UNCHANGED} marks the accessors that restoring left alone.
	 */
	private record RestoringScope(ThreadLocalAccessor<?>[] accessors,
			@Nullable Object[] previous) implements TaskContext.Scope {

		@Override
		public void close() {
			for (int i = this.accessors.length - 1; i >= 0; i--) {
				if (this.previous[i] != UNCHANGED) {
					restore(this.accessors[i], this.previous[i]);
				}
			}
		}

		@SuppressWarnings("unchecked")
		private static <V> void restore(ThreadLocalAccessor<V> accessor, @Nullable Object previous) {
			if (previous != null) {
				accessor.restore((V) previous);
			}
			else {
				accessor.restore();
			}
		}

	}

}
