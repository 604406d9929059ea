package dev.executor.job;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.core.DelegatingManagedExecutor;
import dev.executor.core.TaskFailureReporter;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.function.SingletonSupplier;

/**
 * Submits each call of a {@link dev.executor.Job} method to its executor, stored under
 * its key if it has one, and returns the live future, or nothing for a {@code void}
 * method, whose failures it reports.
 */
class JobInterceptor implements MethodInterceptor {

	private final Supplier<ManagedExecutors> executors;

	private final Supplier<TaskFailureReporter> failureReporter;

	private final Map<MethodClassKey, Optional<JobMethod>> jobMethods = new ConcurrentHashMap<>();

	private final Map<String, Expression> keyExpressions = new ConcurrentHashMap<>();

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	JobInterceptor(Supplier<ManagedExecutors> executors, Supplier<TaskFailureReporter> failureReporter) {
		this.executors = SingletonSupplier.of(executors);
		this.failureReporter = SingletonSupplier.of(failureReporter);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : invocation.getMethod().getDeclaringClass();
		JobMethod job = this.jobMethods
			.computeIfAbsent(new MethodClassKey(invocation.getMethod(), targetClass),
					(key) -> Optional.ofNullable(JobMethod.of(invocation.getMethod(), targetClass)))
			.orElse(null);
		if (job == null) {
			return invocation.proceed();
		}
		ManagedExecutor executor = this.executors.get().get(job.executorName());
		String key = key(job, invocation.getArguments());
		Callable<@Nullable Object> task = () -> unwrap(proceed(invocation));
		FutureProxy<@Nullable Object> future = (key != null) ? executor.submitStored(key, task) : executor.submit(task);
		if (job.isVoid()) {
			reportFailures(job, executor, future);
			return null;
		}
		return future;
	}

	private @Nullable String key(JobMethod job, @Nullable Object[] arguments) {
		if (job.keyParameter() >= 0) {
			return checkKey(job, arguments[job.keyParameter()]);
		}
		String expression = job.keyExpression();
		if (expression == null) {
			return null;
		}
		Method method = job.method();
		MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(arguments, method, arguments,
				this.parameterNames);
		Object key = this.keyExpressions.computeIfAbsent(expression, this.parser::parseExpression).getValue(context);
		return checkKey(job, key);
	}

	private static String checkKey(JobMethod job, @Nullable Object key) {
		if (key == null) {
			throw new IllegalArgumentException("The key of @Job method " + job + " is null; pass a key, or "
					+ "make the key expression evaluate to a value");
		}
		return key.toString();
	}

	private static @Nullable Object proceed(MethodInvocation invocation) throws Exception {
		try {
			return invocation.proceed();
		}
		catch (Exception | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new ExecutionException(ex);
		}
	}

	private static @Nullable Object unwrap(@Nullable Object result) throws Exception {
		if (!(result instanceof Future<?> future)) {
			return result;
		}
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	private void reportFailures(JobMethod job, ManagedExecutor executor, FutureProxy<?> future) {
		boolean reportedByExecutor = executor instanceof DelegatingManagedExecutor managed
				&& managed.spec().propagateExceptions();
		if (!reportedByExecutor) {
			future.whenComplete((result, ex) -> {
				if (ex != null && !future.isCancelled()) {
					this.failureReporter.get().report(future, ex, "Job " + job);
				}
			});
		}
	}

}
