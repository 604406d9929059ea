package dev.executor;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.executor.ExecutorSpec.HazelcastSpec;
import dev.executor.ExecutorSpec.ProcessSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ExecutorSpec} and its builder.
 */
class ExecutorSpecTests {

	@Test
	void builderShouldStartFromABareThreadExecutor() {
		ExecutorSpec spec = ExecutorSpec.builder("reports").build();
		assertThat(spec).isEqualTo(new ExecutorSpec("reports", "thread", 1, null, "reports-", null, null, false, false,
				0, null, false, Duration.ZERO, null, new ProcessSpec(List.of(), null, null, false),
				new HazelcastSpec(false, false)));
	}

	@Test
	void builderShouldSetEveryComponent() {
		ProcessSpec process = new ProcessSpec(List.of("-Xmx64m"), 10, Duration.ofMinutes(1), true);
		HazelcastSpec hazelcast = new HazelcastSpec(true, true);
		ExecutorSpec spec = ExecutorSpec.builder("grid")
			.type("hazelcast")
			.maxWorkers(4)
			.queueCapacity(100)
			.threadNamePrefix("grid-worker-")
			.poolClass("com.example.Pool")
			.taskTimeout(Duration.ofSeconds(5))
			.propagateExceptions(true)
			.propagateContext(true)
			.contextInclude(Set.of("mdc"))
			.futuresMaxLength(20)
			.futuresTimeToLive(Duration.ofHours(1))
			.awaitTermination(true)
			.awaitTerminationPeriod(Duration.ofSeconds(30))
			.process(process)
			.hazelcast(hazelcast)
			.build();
		assertThat(spec).isEqualTo(new ExecutorSpec("grid", "hazelcast", 4, 100, "grid-worker-", "com.example.Pool",
				Duration.ofSeconds(5), true, true, 20, Duration.ofHours(1), true, Duration.ofSeconds(30),
				Set.of("mdc"), process, hazelcast));
	}

	@Test
	void contextIncludeShouldBeAnUnmodifiableCopyInItsOrder() {
		Set<String> include = new LinkedHashSet<>(List.of("security", "mdc"));
		ExecutorSpec spec = ExecutorSpec.builder("reports").contextInclude(include).build();
		include.add("locale");
		assertThat(spec.contextInclude()).containsExactly("security", "mdc");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> spec.contextInclude().add("locale"));
	}

}
