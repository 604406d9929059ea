package dev.executor.core;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * A thread-local value that the executors' context propagation carries, once
 * {@link #register() registered} with the global {@link ContextRegistry}.
 */
final class TestContext implements ThreadLocalAccessor<String> {

	private static final String KEY = "dev.executor.test-context";

	private static final ThreadLocal<@Nullable String> value = new ThreadLocal<>();

	private TestContext() {
	}

	static void register() {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new TestContext());
	}

	static void unregister() {
		ContextRegistry.getInstance().removeThreadLocalAccessor(KEY);
		value.remove();
	}

	static void set(@Nullable String current) {
		value.set(current);
	}

	static @Nullable String get() {
		return value.get();
	}

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable String getValue() {
		return value.get();
	}

	@Override
	public void setValue(String current) {
		value.set(current);
	}

	@Override
	public void setValue() {
		value.remove();
	}

}
