package dev.executor.context;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SnapshotContextPropagation}.
 */
class SnapshotContextPropagationTests {

	private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

	private static final ThreadLocal<Holder> HOLDER = new ThreadLocal<>();

	private final ContextRegistry registry = new ContextRegistry();

	private final HolderAccessor holderAccessor = new HolderAccessor();

	private final SnapshotContextPropagation propagation = new SnapshotContextPropagation(this.registry);

	SnapshotContextPropagationTests() {
		this.registry.registerThreadLocalAccessor("tenant", TENANT::get, TENANT::set, TENANT::remove);
		this.registry.registerThreadLocalAccessor(this.holderAccessor);
	}

	@AfterEach
	void clear() {
		TENANT.remove();
		HOLDER.remove();
	}

	@Test
	void captureOfUnchangedContextShouldBeTheLatestCapture() {
		TENANT.set("acme");
		HOLDER.set(new Holder("alice"));
		TaskContext first = this.propagation.capture();
		TaskContext second = this.propagation.capture();
		assertThat(second).isSameAs(first);
		assertThat(this.holderAccessor.captures).hasSize(1);
		assertThat(seenIn(second)).isEqualTo("acme alice");
	}

	@Test
	void captureShouldBeNewOnceAValueIsAnotherObject() {
		TENANT.set("acme");
		HOLDER.set(new Holder("alice"));
		TaskContext first = this.propagation.capture();
		TENANT.set("other");
		TaskContext second = this.propagation.capture();
		assertThat(this.holderAccessor.captures).as("the unchanged holder is not captured again").hasSize(1);
		assertThat(second).isNotSameAs(first);
		assertThat(seenIn(first)).isEqualTo("acme alice");
		assertThat(seenIn(second)).isEqualTo("other alice");
	}

	@Test
	void captureShouldBeNewOnceAReusableAccessorNoLongerFindsItsValueCurrent() {
		Holder holder = new Holder("alice");
		HOLDER.set(holder);
		TaskContext first = this.propagation.capture();
		holder.user = "bob";
		TaskContext second = this.propagation.capture();
		assertThat(second).isNotSameAs(first);
		assertThat(seenIn(first)).isEqualTo("null alice");
		assertThat(seenIn(second)).isEqualTo("null bob");
	}

	@Test
	void captureShouldBeNewOnceAValueIsGone() {
		TENANT.set("acme");
		HOLDER.set(new Holder("alice"));
		TaskContext first = this.propagation.capture();
		HOLDER.remove();
		TaskContext second = this.propagation.capture();
		assertThat(second).isNotSameAs(first);
		assertThat(seenIn(second)).isEqualTo("acme null");
		TENANT.remove();
		assertThat(seenIn(this.propagation.capture())).isEqualTo("null null");
	}

	@Test
	void captureOnAnotherThreadShouldNotReuseThisThreadsCapture() throws InterruptedException {
		TENANT.set("acme");
		TaskContext mine = this.propagation.capture();
		List<TaskContext> theirs = new ArrayList<>();
		Thread other = new Thread(() -> {
			TENANT.set("acme");
			theirs.add(this.propagation.capture());
		});
		other.start();
		other.join();
		assertThat(theirs).singleElement().isNotSameAs(mine);
	}

	@Test
	void eachRestoreOfOneCaptureShouldSetItsValueAgain() {
		HOLDER.set(new Holder("alice"));
		TaskContext captured = this.propagation.capture();
		HOLDER.remove();
		List<Holder> restored = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			try (TaskContext.Scope scope = captured.restore()) {
				restored.add(HOLDER.get());
			}
		}
		assertThat(restored).hasSize(2).doesNotContainNull();
		assertThat(restored.get(0)).isNotSameAs(restored.get(1));
		assertThat(HOLDER.get()).isNull();
	}

	@Test
	void propagationThatCapturesNothingShouldClearEveryAccessorWhileTheTaskRuns() {
		SnapshotContextPropagation clearing = new SnapshotContextPropagation(() -> this.registry, (key) -> false);
		TENANT.set("acme");
		HOLDER.set(new Holder("alice"));
		TaskContext captured = clearing.capture();
		assertThat(this.holderAccessor.captures).isEmpty();
		assertThat(clearing.capture()).isSameAs(captured);
		assertThat(seenIn(captured)).isEqualTo("null null");
	}

	private static String seenIn(TaskContext context) {
		String tenant = TENANT.get();
		Holder holder = HOLDER.get();
		try {
			try (TaskContext.Scope scope = context.restore()) {
				Holder seen = HOLDER.get();
				return TENANT.get() + " " + ((seen != null) ? seen.user : null);
			}
		}
		finally {
			assertThat(TENANT.get()).isEqualTo(tenant);
			assertThat(HOLDER.get()).isSameAs(holder);
		}
	}

	/**
	 * A mutable thread-local value.
	 */
	static final class Holder {

		@Nullable String user;

		Holder(@Nullable String user) {
			this.user = user;
		}

	}

	/**
	 * Captures a holder's user, and gives each task a holder of its own.
	 */
	static final class HolderAccessor implements ReusableThreadLocalAccessor<HolderAccessor.Captured> {

		final List<Captured> captures = new ArrayList<>();

		@Override
		public Object key() {
			return "holder";
		}

		@Override
		public @Nullable Captured getValue() {
			Holder holder = HOLDER.get();
			if (holder == null) {
				return null;
			}
			Captured captured = new Captured(holder, holder.user);
			this.captures.add(captured);
			return captured;
		}

		@Override
		public boolean isCurrent(Captured captured) {
			Holder holder = HOLDER.get();
			return holder == captured.holder() && holder.user == captured.user();
		}

		@Override
		public void setValue(Captured value) {
			HOLDER.set(new Holder(value.user()));
		}

		@Override
		public void setValue() {
			HOLDER.remove();
		}

		@Override
		public void restore(Captured previousValue) {
			HOLDER.set(previousValue.holder());
		}

		record Captured(Holder holder, @Nullable String user) {

		}

	}

}
