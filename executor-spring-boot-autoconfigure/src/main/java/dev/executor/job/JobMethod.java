package dev.executor.job;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.JobKey;
import dev.executor.ManagedExecutor;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * What a {@link Job} method declares: its executor, how its key is chosen and whether
 * the caller gets a future. Built once per method, and checked at start-up.
 */
final class JobMethod {

	private static final Set<Class<?>> FUTURE_TYPES = Set.of(FutureProxy.class, CompletableFuture.class,
			Future.class);

	private final Method method;

	private final Class<?> targetClass;

	private final String executorName;

	private final @Nullable String keyExpression;

	private final int keyParameter;

	private JobMethod(Method method, Class<?> targetClass, String executorName, @Nullable String keyExpression,
			int keyParameter) {
		this.method = method;
		this.targetClass = targetClass;
		this.executorName = executorName;
		this.keyExpression = keyExpression;
		this.keyParameter = keyParameter;
	}

	/**
	 * Return the job declaration of a method, or {@code null} if it is not a job: neither
	 * annotated itself nor a public method of an annotated class ({@code toString},
	 * {@code equals} and {@code hashCode} never are).
	 * @param method the method
	 * @param targetClass the class of the bean
	 * @return the job method, or {@code null}
	 * @throws IllegalStateException if the method is a job but declares it wrongly
	 */
	static @Nullable JobMethod of(Method method, Class<?> targetClass) {
		Method specific = ClassUtils.getMostSpecificMethod(method, targetClass);
		Job job = AnnotatedElementUtils.findMergedAnnotation(specific, Job.class);
		if (job == null && isPublicInstanceMethod(specific)) {
			job = AnnotatedElementUtils.findMergedAnnotation(specific.getDeclaringClass(), Job.class);
		}
		if (job == null) {
			return null;
		}
		checkReturnType(specific);
		String executorName = StringUtils.hasText(job.executor()) ? job.executor() : ManagedExecutor.DEFAULT_NAME;
		String keyExpression = StringUtils.hasText(job.key()) ? job.key() : null;
		return new JobMethod(specific, targetClass, executorName, keyExpression,
				keyParameter(specific, keyExpression));
	}

	private static boolean isPublicInstanceMethod(Method method) {
		int modifiers = method.getModifiers();
		return Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !ReflectionUtils.isObjectMethod(method)
				&& !ReflectionUtils.isToStringMethod(method) && !ReflectionUtils.isEqualsMethod(method)
				&& !ReflectionUtils.isHashCodeMethod(method);
	}

	private static void checkReturnType(Method method) {
		Class<?> returnType = method.getReturnType();
		if (returnType != void.class && !FUTURE_TYPES.contains(returnType)) {
			throw new IllegalStateException("@Job method " + describe(method) + " returns "
					+ returnType.getSimpleName() + "; a job method must return void, FutureProxy, CompletableFuture or "
					+ "Future so that the caller does not wait for it");
		}
	}

	private static int keyParameter(Method method, @Nullable String keyExpression) {
		int found = -1;
		for (int i = 0; i < method.getParameterCount(); i++) {
			if (method.getParameters()[i].isAnnotationPresent(JobKey.class)) {
				if (found >= 0 || keyExpression != null || method.getParameterTypes()[i] != String.class) {
					throw new IllegalStateException("@Job method " + describe(method)
							+ " must have at most one @JobKey parameter, of type String, and then no key expression");
				}
				found = i;
			}
		}
		return found;
	}

	static String describe(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
				+ StringUtils.arrayToCommaDelimitedString(
						java.util.Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toArray())
				+ ")";
	}

	Method method() {
		return this.method;
	}

	Class<?> targetClass() {
		return this.targetClass;
	}

	String executorName() {
		return this.executorName;
	}

	@Nullable String keyExpression() {
		return this.keyExpression;
	}

	int keyParameter() {
		return this.keyParameter;
	}

	boolean isVoid() {
		return this.method.getReturnType() == void.class;
	}

	@Override
	public String toString() {
		return describe(this.method);
	}

}
