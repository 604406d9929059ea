package dev.executor;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;

/**
 * Options for the tasks of one call, overriding those of their executor: its retry
 * policy and its task timeout, and a {@link TaskThrottle} that limits how many of them
 * run at once. Options are immutable; what is not set is the executor's
 * own. Give them to {@link ManagedExecutor#with(TaskOptions)}:
 * <pre class="code">
 * executor.with(TaskOptions.retry(RetryPolicy.withMaxRetries(3)).withTimeout(Duration.ofSeconds(5)))
 * 	.submit(() -&gt; partner.fetch(order));
 * </pre>
 *
 * @since 0.1.0
 */
public final class TaskOptions {

	private static final TaskOptions DEFAULTS = new TaskOptions(null, false, null, null);

	private final @Nullable RetryPolicy retry;

	private final boolean noRetry;

	private final @Nullable Duration timeout;

	private final @Nullable TaskThrottle throttle;

	private TaskOptions(@Nullable RetryPolicy retry, boolean noRetry, @Nullable Duration timeout,
			@Nullable TaskThrottle throttle) {
		this.retry = retry;
		this.noRetry = noRetry;
		this.timeout = timeout;
		this.throttle = throttle;
	}

	/**
	 * Return options that change nothing: the executor's own retry policy and timeout.
	 * @return the options
	 */
	public static TaskOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Return options that run failed tasks again by the given policy.
	 * @param policy the retry policy
	 * @return the options
	 */
	public static TaskOptions retry(RetryPolicy policy) {
		return DEFAULTS.withRetry(policy);
	}

	/**
	 * Return options under which a task fails at its first failure, whatever its
	 * executor's retry policy.
	 * @return the options
	 */
	public static TaskOptions noRetry() {
		return DEFAULTS.withoutRetry();
	}

	/**
	 * Return options that limit each attempt of a task to the given time.
	 * @param timeout the time an attempt may run
	 * @return the options
	 */
	public static TaskOptions timeout(Duration timeout) {
		return DEFAULTS.withTimeout(timeout);
	}

	/**
	 * Return options under which tasks count under the given throttle.
	 * @param throttle the throttle
	 * @return the options
	 */
	public static TaskOptions throttle(TaskThrottle throttle) {
		return DEFAULTS.withThrottle(throttle);
	}

	/**
	 * Return these options with the given retry policy.
	 * @param policy the retry policy
	 * @return the new options
	 */
	public TaskOptions withRetry(RetryPolicy policy) {
		return new TaskOptions(Objects.requireNonNull(policy, "'policy' must not be null"), false, this.timeout,
				this.throttle);
	}

	/**
	 * Return these options without retries.
	 * @return the new options
	 */
	public TaskOptions withoutRetry() {
		return new TaskOptions(null, true, this.timeout, this.throttle);
	}

	/**
	 * Return these options with the given timeout of each attempt.
	 * @param timeout the time an attempt may run
	 * @return the new options
	 */
	public TaskOptions withTimeout(Duration timeout) {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("Task timeout " + timeout + " must be positive");
		}
		return new TaskOptions(this.retry, this.noRetry, timeout, this.throttle);
	}

	/**
	 * Return these options with the given throttle.
	 * @param throttle the throttle the tasks count under
	 * @return the new options
	 */
	public TaskOptions withThrottle(TaskThrottle throttle) {
		return new TaskOptions(this.retry, this.noRetry, this.timeout,
				Objects.requireNonNull(throttle, "'throttle' must not be null"));
	}

	/**
	 * Return these options on top of others: what these set wins, what they leave unset
	 * comes from the given ones.
	 * @param base the options underneath
	 * @return the combined options
	 */
	public TaskOptions orElse(TaskOptions base) {
		boolean ownRetry = this.retry != null || this.noRetry;
		return new TaskOptions(ownRetry ? this.retry : base.retry, ownRetry ? this.noRetry : base.noRetry,
				(this.timeout != null) ? this.timeout : base.timeout,
				(this.throttle != null) ? this.throttle : base.throttle);
	}

	/**
	 * Return the retry policy that applies, given the executor's own.
	 * @param executorPolicy the executor's policy, {@code null} if it does not retry
	 * @return the policy, {@code null} for none
	 */
	public @Nullable RetryPolicy effectiveRetry(@Nullable RetryPolicy executorPolicy) {
		if (this.noRetry) {
			return null;
		}
		return (this.retry != null) ? this.retry : executorPolicy;
	}

	/**
	 * Return the timeout of each attempt that applies, given the executor's own.
	 * @param executorTimeout the executor's task timeout, {@code null} for none
	 * @return the timeout, {@code null} for none
	 */
	public @Nullable Duration effectiveTimeout(@Nullable Duration executorTimeout) {
		return (this.timeout != null) ? this.timeout : executorTimeout;
	}

	/**
	 * Return the throttle the tasks count under.
	 * @return the throttle, {@code null} for none
	 */
	public @Nullable TaskThrottle throttle() {
		return this.throttle;
	}

	@Override
	public String toString() {
		String retry = this.noRetry ? "none" : (this.retry != null) ? this.retry.toString() : "executor's";
		String timeout = (this.timeout != null) ? this.timeout.toString() : "executor's";
		String throttle = (this.throttle != null) ? ", throttle=" + this.throttle : "";
		return "TaskOptions[retry=" + retry + ", timeout=" + timeout + throttle + "]";
	}

}
