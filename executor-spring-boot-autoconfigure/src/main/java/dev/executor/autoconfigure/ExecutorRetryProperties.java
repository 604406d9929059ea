package dev.executor.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Retries of failed tasks, {@code executor.retry.*}: the defaults of every executor's
 * retry policy. A named executor takes every key it leaves unset under
 * {@code executor.named.<name>.retry} from here.
 *
 * @since 0.1.0
 */
public class ExecutorRetryProperties {

	/**
	 * Number of attempts after the first that a failed task gets; 0 means that failed
	 * tasks are not retried.
	 */
	private long maxRetries = 0;

	/**
	 * Time to wait after the first failed attempt before the next one starts; no worker
	 * is held while waiting.
	 */
	private Duration delay = Duration.ofSeconds(1);

	/**
	 * Factor by which the delay grows after each failed attempt; 1.0 keeps it constant.
	 */
	private double multiplier = 1.0;

	/**
	 * Longest delay between two attempts, however far the multiplier grows it. When not
	 * set, the delay is not capped.
	 */
	private @Nullable Duration maxDelay;

	/**
	 * Largest random amount added to or taken from each delay, so that tasks that failed
	 * together do not all start again at once. When not set, delays are exact.
	 */
	private @Nullable Duration jitter;

	/**
	 * Fully qualified names of the exception classes that are retried, with their
	 * subclasses. When not set, every failure is retried unless excluded.
	 */
	private List<String> includes = new ArrayList<>();

	/**
	 * Fully qualified names of the exception classes that are never retried, with their
	 * subclasses.
	 */
	private List<String> excludes = new ArrayList<>();

	public long getMaxRetries() {
		return this.maxRetries;
	}

	public void setMaxRetries(long maxRetries) {
		this.maxRetries = maxRetries;
	}

	public Duration getDelay() {
		return this.delay;
	}

	public void setDelay(Duration delay) {
		this.delay = delay;
	}

	public double getMultiplier() {
		return this.multiplier;
	}

	public void setMultiplier(double multiplier) {
		this.multiplier = multiplier;
	}

	public @Nullable Duration getMaxDelay() {
		return this.maxDelay;
	}

	public void setMaxDelay(@Nullable Duration maxDelay) {
		this.maxDelay = maxDelay;
	}

	public @Nullable Duration getJitter() {
		return this.jitter;
	}

	public void setJitter(@Nullable Duration jitter) {
		this.jitter = jitter;
	}

	public List<String> getIncludes() {
		return this.includes;
	}

	public void setIncludes(List<String> includes) {
		this.includes = includes;
	}

	public List<String> getExcludes() {
		return this.excludes;
	}

	public void setExcludes(List<String> excludes) {
		this.excludes = excludes;
	}

}
