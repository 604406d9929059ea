package dev.executor.context.logging;

import java.util.Map;

import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.spi.MDCAdapter;

/**
 * A {@link ThreadLocalAccessor} for the MDC when Logback holds it. Captures the read-only
 * view of the MDC that Logback keeps for logging, and that it replaces rather than changes
 * when the MDC changes, so that capturing does not copy the map again each time, as the
 * SLF4J accessor does. Setting it gives the thread a copy of its own. Uses the same key
 * as {@link Slf4jThreadLocalAccessor}, and treats an empty MDC as none.
 */
public class LogbackMdcThreadLocalAccessor implements ThreadLocalAccessor<Map<String, String>> {

	private final LogbackMDCAdapter adapter;

	/**
	 * Create an accessor of the MDC of the given adapter.
	 * @param adapter the MDC adapter
	 */
	public LogbackMdcThreadLocalAccessor(LogbackMDCAdapter adapter) {
		this.adapter = adapter;
	}

	/**
	 * Return an accessor of the MDC of the given adapter if Logback's holds it. Call only
	 * when Logback is on the classpath.
	 * @param adapter SLF4J's MDC adapter
	 * @return the accessor, or {@code null} if the adapter is not Logback's
	 */
	public static @Nullable LogbackMdcThreadLocalAccessor of(MDCAdapter adapter) {
		return (adapter instanceof LogbackMDCAdapter logback) ? new LogbackMdcThreadLocalAccessor(logback) : null;
	}

	@Override
	public Object key() {
		return Slf4jThreadLocalAccessor.KEY;
	}

	@Override
	public @Nullable Map<String, String> getValue() {
		Map<String, String> map = this.adapter.getPropertyMap();
		return (map != null && !map.isEmpty()) ? map : null;
	}

	@Override
	public void setValue(Map<String, String> value) {
		this.adapter.setContextMap(value);
	}

	@Override
	public void setValue() {
		this.adapter.clear();
	}

}
