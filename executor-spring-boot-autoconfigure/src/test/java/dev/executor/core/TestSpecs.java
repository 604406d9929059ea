package dev.executor.core;

import java.time.Duration;

import dev.executor.ExecutorSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;

/**
 * Settings of executors built in tests: a {@code thread} executor that propagates
 * context and waits for its tasks on shutdown, refined by the {@code with...} methods.
 */
final class TestSpecs {

	private final String name;

	private int maxWorkers = 1;

	private @Nullable Integer queueCapacity = 100;

	private @Nullable Duration taskTimeout;

	private boolean propagateExceptions;

	private int futuresMaxLength = 50;

	private @Nullable Duration futuresTimeToLive;

	private Duration awaitTerminationPeriod = Duration.ofSeconds(5);

	private @Nullable RetryPolicy retry;

	private TestSpecs(String name) {
		this.name = name;
	}

	/**
	 * Return the settings of a {@code thread} executor with one worker.
	 * @param name the executor name
	 * @return the settings, to refine with the {@code with...} methods
	 */
	static TestSpecs spec(String name) {
		return new TestSpecs(name);
	}

	TestSpecs withMaxWorkers(int maxWorkers) {
		this.maxWorkers = maxWorkers;
		return this;
	}

	TestSpecs withQueueCapacity(@Nullable Integer queueCapacity) {
		this.queueCapacity = queueCapacity;
		return this;
	}

	TestSpecs withTaskTimeout(@Nullable Duration taskTimeout) {
		this.taskTimeout = taskTimeout;
		return this;
	}

	TestSpecs withPropagateExceptions(boolean propagateExceptions) {
		this.propagateExceptions = propagateExceptions;
		return this;
	}

	TestSpecs withFuturesMaxLength(int futuresMaxLength) {
		this.futuresMaxLength = futuresMaxLength;
		return this;
	}

	TestSpecs withFuturesTimeToLive(@Nullable Duration futuresTimeToLive) {
		this.futuresTimeToLive = futuresTimeToLive;
		return this;
	}

	TestSpecs withAwaitTerminationPeriod(Duration awaitTerminationPeriod) {
		this.awaitTerminationPeriod = awaitTerminationPeriod;
		return this;
	}

	TestSpecs withRetry(@Nullable RetryPolicy retry) {
		this.retry = retry;
		return this;
	}

	ExecutorSpec build() {
		return ExecutorSpec.builder(this.name)
			.maxWorkers(this.maxWorkers)
			.queueCapacity(this.queueCapacity)
			.taskTimeout(this.taskTimeout)
			.propagateExceptions(this.propagateExceptions)
			.propagateContext(true)
			.futuresMaxLength(this.futuresMaxLength)
			.futuresTimeToLive(this.futuresTimeToLive)
			.awaitTermination(true)
			.awaitTerminationPeriod(this.awaitTerminationPeriod)
			.retry(this.retry)
			.build();
	}

}
