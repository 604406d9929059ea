package dev.executor.context.logging;

import java.util.Map;

import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogbackMdcThreadLocalAccessor}.
 */
class LogbackMdcThreadLocalAccessorTests {

	private final LogbackMdcThreadLocalAccessor accessor = LogbackMdcThreadLocalAccessor.of(MDC.getMDCAdapter());

	@AfterEach
	void clear() {
		MDC.clear();
	}

	@Test
	void shouldBeCreatedForLogbacksAdapterOnly() {
		assertThat(this.accessor).isNotNull();
		assertThat(LogbackMdcThreadLocalAccessor.of(new BasicMDCAdapter())).isNull();
		assertThat(this.accessor.key()).isEqualTo(Slf4jThreadLocalAccessor.KEY);
	}

	@Test
	void emptyMdcShouldBeCapturedAsNothing() {
		assertThat(this.accessor.getValue()).isNull();
		MDC.put("user", "alice");
		MDC.remove("user");
		assertThat(this.accessor.getValue()).isNull();
	}

	@Test
	void unchangedMdcShouldBeCapturedWithoutCopyingItAgain() {
		MDC.put("user", "alice");
		Map<String, String> first = this.accessor.getValue();
		assertThat(first).containsExactly(Map.entry("user", "alice"));
		assertThat(this.accessor.getValue()).isSameAs(first);
	}

	@Test
	void capturedMdcShouldNotSeeLaterChanges() {
		MDC.put("user", "alice");
		Map<String, String> captured = this.accessor.getValue();
		MDC.put("user", "bob");
		MDC.put("order", "42");
		assertThat(captured).containsExactly(Map.entry("user", "alice"));
	}

	@Test
	void setValueShouldGiveTheThreadACopyOfItsOwn() {
		MDC.put("user", "alice");
		Map<String, String> captured = this.accessor.getValue();
		MDC.clear();
		this.accessor.setValue(captured);
		assertThat(MDC.get("user")).isEqualTo("alice");
		MDC.put("order", "42");
		assertThat(captured).containsExactly(Map.entry("user", "alice"));
		this.accessor.setValue();
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void adapterOfThisApplicationShouldBeLogbacks() {
		assertThat(MDC.getMDCAdapter()).isInstanceOf(LogbackMDCAdapter.class);
	}

}
