package dev.executor.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.executor.autoconfigure.ExecutorSpecResolver.Setting;
import dev.executor.autoconfigure.ExecutorSpecResolver.Settings;
import dev.executor.spi.InvalidExecutorPropertyException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.ClassUtils;

/**
 * Resolves an executor's {@code retry.*} keys into the {@link RetryPolicy} of its tasks,
 * built by Spring's own builder so that delays grow exactly as they do for
 * {@code @Retryable}.
 */
final class RetryPolicies {

	private static final String ZERO_OR_MORE_DURATION = "a duration of 0s or more";

	private RetryPolicies() {
	}

	/**
	 * Resolve the retry policy of one executor.
	 * @param settings the executor's view of the properties
	 * @return the policy, {@code null} when {@code retry.max-retries} is 0
	 * @throws InvalidExecutorPropertyException if a value is not valid
	 */
	static @Nullable RetryPolicy resolve(Settings settings) {
		long maxRetries = settings
			.get("retry.max-retries", (s) -> s.getRetry().getMaxRetries(), (p) -> p.getRetry().getMaxRetries())
			.require((value) -> value >= 0, ExecutorSpecResolver.ZERO_OR_MORE)
			.get();
		RetryPolicy.Builder builder = RetryPolicy.builder().maxRetries(maxRetries);
		builder.delay(settings.get("retry.delay", (s) -> s.getRetry().getDelay(), (p) -> p.getRetry().getDelay())
			.require((value) -> !value.isNegative(), ZERO_OR_MORE_DURATION)
			.get());
		builder.multiplier(settings
			.get("retry.multiplier", (s) -> s.getRetry().getMultiplier(), (p) -> p.getRetry().getMultiplier())
			.require((value) -> value >= 1, "a number of 1.0 or more")
			.get());
		Duration maxDelay = ExecutorSpecResolver.positive(settings.get("retry.max-delay",
				(s) -> s.getRetry().getMaxDelay(), (p) -> p.getRetry().getMaxDelay()));
		if (maxDelay != null) {
			builder.maxDelay(maxDelay);
		}
		Duration jitter = settings.get("retry.jitter", (s) -> s.getRetry().getJitter(), (p) -> p.getRetry().getJitter())
			.require((value) -> !value.isNegative(), ZERO_OR_MORE_DURATION)
			.orNull();
		if (jitter != null) {
			builder.jitter(jitter);
		}
		builder.includes(exceptionClasses(
				settings.get("retry.includes", (s) -> s.getRetry().getIncludes(), (p) -> p.getRetry().getIncludes())));
		builder.excludes(exceptionClasses(
				settings.get("retry.excludes", (s) -> s.getRetry().getExcludes(), (p) -> p.getRetry().getExcludes())));
		return (maxRetries > 0) ? builder.build() : null;
	}

	private static List<Class<? extends Throwable>> exceptionClasses(Setting<List<String>> names) {
		List<Class<? extends Throwable>> classes = new ArrayList<>();
		for (String name : names.get()) {
			classes.add(exceptionClass(names.property(), name));
		}
		return classes;
	}

	private static Class<? extends Throwable> exceptionClass(String property, String name) {
		Class<?> type;
		try {
			type = ClassUtils.forName(name, ClassUtils.getDefaultClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new InvalidExecutorPropertyException(property, name, "no such class on the classpath",
					"Set " + property + " to fully qualified names of exception classes, such as "
							+ "java.io.IOException");
		}
		if (!Throwable.class.isAssignableFrom(type)) {
			throw new InvalidExecutorPropertyException(property, name, "the class is not an exception",
					"Set " + property + " to names of classes that extend Throwable, such as java.io.IOException");
		}
		return type.asSubclass(Throwable.class);
	}

}
