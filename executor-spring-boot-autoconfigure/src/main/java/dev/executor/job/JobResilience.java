package dev.executor.job;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.executor.TaskOptions;
import dev.executor.TaskThrottle;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.format.annotation.DurationFormat;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * What Spring's {@link Retryable @Retryable} and {@link ConcurrencyLimit @ConcurrencyLimit}
 * on a {@link dev.executor.Job @Job} method, or on its class, ask of its calls: a retry
 * policy for the executor to run failed calls again by, and a limit of calls that run at
 * once, kept by a {@link TaskThrottle} per bean, shared by the methods of a class-level
 * limit. Read once per method, when the application starts; values that are not valid
 * fail start-up.
 */
final class JobResilience {

	private static final JobResilience NONE = new JobResilience(null, null, "", false);

	private final @Nullable RetryPolicy retry;

	private final @Nullable ConcurrencyLimit limit;

	// what the limit limits: the method, or the class when the class has the annotation
	private final String limited;

	private final boolean classLimit;

	// by bean, for a limit of the method's own
	private final Map<Object, TaskThrottle> throttles = new IdentityHashMap<>();

	private JobResilience(@Nullable RetryPolicy retry, @Nullable ConcurrencyLimit limit, String limited,
			boolean classLimit) {
		this.retry = retry;
		this.limit = limit;
		this.limited = limited;
		this.classLimit = classLimit;
	}

	/**
	 * Read what the annotations of a job method ask.
	 * @param job the job method
	 * @param targetClass the class of the job's bean
	 * @param beanFactory resolves placeholders and creates retry predicates
	 * @return what the job's calls are submitted with
	 * @throws IllegalStateException if an annotation has a value that is not valid
	 */
	static JobResilience of(JobMethod job, Class<?> targetClass, @Nullable BeanFactory beanFactory) {
		Method method = job.method();
		Retryable retryable = find(method, targetClass, Retryable.class);
		ConcurrencyLimit limit = AnnotatedElementUtils.findMergedAnnotation(method, ConcurrencyLimit.class);
		boolean classLimit = (limit == null);
		if (classLimit) {
			limit = AnnotatedElementUtils.findMergedAnnotation(targetClass, ConcurrencyLimit.class);
		}
		if (retryable == null && limit == null) {
			return NONE;
		}
		Values values = new Values(job, beanFactory);
		RetryPolicy retry = (retryable != null) ? values.retryPolicy(retryable, method) : null;
		if (limit != null && values.limit(limit) == -1) {
			limit = null;
		}
		return new JobResilience(retry, limit, classLimit ? targetClass.getName() : job.toString(), classLimit);
	}

	private static <A extends Annotation> @Nullable A find(Method method, Class<?> targetClass,
			Class<A> type) {
		A annotation = AnnotatedElementUtils.findMergedAnnotation(method, type);
		return (annotation != null) ? annotation : AnnotatedElementUtils.findMergedAnnotation(targetClass, type);
	}

	/**
	 * Return the options that a call of the job on the given bean is submitted with.
	 * @param job the job method
	 * @param bean the bean the job is called on
	 * @param beanFactory resolves the limit's placeholders
	 * @param classThrottles the throttles of class-level limits by bean, shared by the
	 * job methods of a class
	 * @return the options, {@code null} if the annotations ask nothing
	 */
	@Nullable TaskOptions options(JobMethod job, Object bean, @Nullable BeanFactory beanFactory,
			Map<Object, TaskThrottle> classThrottles) {
		if (this == NONE) {
			return null;
		}
		TaskOptions options = (this.retry != null) ? TaskOptions.retry(this.retry) : TaskOptions.defaults();
		ConcurrencyLimit limit = this.limit;
		if (limit == null) {
			return options;
		}
		Map<Object, TaskThrottle> throttles = this.classLimit ? classThrottles : this.throttles;
		TaskThrottle throttle;
		synchronized (throttles) {
			throttle = throttles.computeIfAbsent(bean, (key) -> {
				int permits = new Values(job, beanFactory).limit(limit);
				return (limit.policy() == ConcurrencyLimit.ThrottlePolicy.REJECT)
						? TaskThrottle.rejecting(this.limited, permits) : TaskThrottle.queueing(this.limited, permits);
			});
		}
		return options.withThrottle(throttle);
	}

	/**
	 * Reads the values of annotations, with their placeholders resolved, naming the job
	 * and the attribute when one is not valid.
	 */
	private static final class Values {

		private final JobMethod job;

		private final @Nullable BeanFactory beanFactory;

		Values(JobMethod job, @Nullable BeanFactory beanFactory) {
			this.job = job;
			this.beanFactory = beanFactory;
		}

		RetryPolicy retryPolicy(Retryable retryable, Method method) {
			TimeUnit unit = retryable.timeUnit();
			MethodRetryPredicate predicate = predicate(retryable.predicate());
			try {
				return RetryPolicy.builder()
					.includes(Arrays.asList(retryable.includes()))
					.excludes(Arrays.asList(retryable.excludes()))
					.predicate(predicate.forMethod(method))
					.maxRetries(number("maxRetriesString", retryable.maxRetries(), retryable.maxRetriesString(),
							Long::parseLong))
					.timeout(duration("timeoutString", retryable.timeout(), retryable.timeoutString(), unit))
					.delay(duration("delayString", retryable.delay(), retryable.delayString(), unit))
					.jitter(duration("jitterString", retryable.jitter(), retryable.jitterString(), unit))
					.multiplier(number("multiplierString", retryable.multiplier(), retryable.multiplierString(),
							Double::parseDouble))
					.maxDelay(duration("maxDelayString", retryable.maxDelay(), retryable.maxDelayString(), unit))
					.build();
			}
			catch (IllegalArgumentException ex) {
				throw invalid("@Retryable", ex.getMessage(), ex);
			}
		}

		int limit(ConcurrencyLimit limit) {
			int permits = number("limitString", limit.limit(), limit.limitString(), Integer::parseInt);
			if (permits != -1 && permits < 1) {
				throw invalid("@ConcurrencyLimit", "the limit is " + ((permits == Integer.MIN_VALUE) ? "not set"
						: permits) + "; set it to 1 or more, or to -1 for no limit", null);
			}
			return permits;
		}

		private MethodRetryPredicate predicate(Class<? extends MethodRetryPredicate> type) {
			if (type == MethodRetryPredicate.class) {
				return (method, throwable) -> true;
			}
			try {
				return (this.beanFactory instanceof AutowireCapableBeanFactory factory) ? factory.createBean(type)
						: ReflectionUtils.accessibleConstructor(type).newInstance();
			}
			catch (Exception ex) {
				throw invalid("@Retryable", "its predicate " + type.getName() + " cannot be created: " + ex, ex);
			}
		}

		private <N extends Number> N number(String attribute, N value, String text, Function<String, N> parser) {
			String resolved = resolve(text);
			if (resolved == null) {
				return value;
			}
			try {
				return parser.apply(resolved.trim());
			}
			catch (NumberFormatException ex) {
				throw invalid(attribute, text, resolved, "a number", ex);
			}
		}

		private Duration duration(String attribute, long value, String text, TimeUnit unit) {
			DurationFormat.Unit defaultUnit = DurationFormat.Unit.fromChronoUnit(unit.toChronoUnit());
			String resolved = resolve(text);
			if (resolved == null) {
				return Duration.of(value, unit.toChronoUnit());
			}
			try {
				return DurationFormatterUtils.detectAndParse(resolved.trim(), defaultUnit);
			}
			catch (IllegalArgumentException ex) {
				throw invalid(attribute, text, resolved, "a duration such as 500ms or PT1S", ex);
			}
		}

		private @Nullable String resolve(String text) {
			if (!StringUtils.hasText(text)) {
				return null;
			}
			String resolved = (this.beanFactory instanceof ConfigurableBeanFactory factory)
					? factory.resolveEmbeddedValue(text) : text;
			return StringUtils.hasText(resolved) ? resolved : null;
		}

		private IllegalStateException invalid(String attribute, String text, String resolved, String expected,
				Exception cause) {
			String value = text.equals(resolved) ? "'" + text + "'" : "'" + resolved + "' (from '" + text + "')";
			String annotation = attribute.equals("limitString") ? "@ConcurrencyLimit" : "@Retryable";
			return invalid(annotation, attribute + " is " + value + ", which is not " + expected, cause);
		}

		private IllegalStateException invalid(String annotation, @Nullable String problem, @Nullable Exception cause) {
			return new IllegalStateException(
					annotation + " of @Job method " + this.job + " is not valid: " + problem, cause);
		}

	}

}
