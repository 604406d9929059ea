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
import dev.executor.hazelcast.HazelcastPool;
import dev.executor.process.ProcessPool;
import dev.executor.process.WorkerApplication;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.interceptor.ExposeBeanNameAdvisors;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Submits each call of a {@link dev.executor.Job} method to its executor, stored under
 * its key if it has one, and returns the live future, or nothing for a {@code void}
 * method, whose failures it reports.
 */
class JobInterceptor implements MethodInterceptor {

	private static final ThreadLocal<Boolean> proceedWithNextCall = new ThreadLocal<>();

	private static final boolean hazelcastPresent = ClassUtils.isPresent("com.hazelcast.core.HazelcastInstance",
			JobInterceptor.class.getClassLoader());

	private final Supplier<ManagedExecutors> executors;

	private final Supplier<TaskFailureReporter> failureReporter;

	private final Supplier<@Nullable WorkerApplication> workerApplication;

	private final Map<MethodClassKey, Optional<JobMethod>> jobMethods = new ConcurrentHashMap<>();

	private final Map<String, Expression> keyExpressions = new ConcurrentHashMap<>();

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	JobInterceptor(Supplier<ManagedExecutors> executors, Supplier<TaskFailureReporter> failureReporter,
			Supplier<@Nullable WorkerApplication> workerApplication) {
		this.executors = SingletonSupplier.of(executors);
		this.failureReporter = SingletonSupplier.of(failureReporter);
		this.workerApplication = SingletonSupplier.of(workerApplication);
	}

	/**
	 * Let the next job method call on this thread run its body directly, because it is
	 * the call of a {@link JobCall} that already runs in a worker process.
	 */
	static void proceedWithNextCall() {
		proceedWithNextCall.set(Boolean.TRUE);
	}

	/**
	 * Submit job method calls on this thread again.
	 */
	static void submitNextCalls() {
		proceedWithNextCall.remove();
	}

	/**
	 * Return whether the given executor runs its tasks in worker processes, where job
	 * calls travel as {@link JobCall}s.
	 * @param executor the executor
	 * @return whether it is a {@code process} executor
	 */
	static boolean runsInWorkers(ManagedExecutor executor) {
		return executor instanceof DelegatingManagedExecutor managed && managed.pool() instanceof ProcessPool;
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
		if (proceedWithNextCall.get() != null) {
			proceedWithNextCall.remove();
			return invocation.proceed();
		}
		ManagedExecutor executor = this.executors.get().get(job.executorName());
		String key = key(job, invocation.getArguments());
		Callable<@Nullable Object> task = runsInWorkers(executor) ? jobCall(job, invocation, targetClass)
				: runsOnMembers(executor) ? memberJobCall(job, invocation, targetClass)
						: () -> unwrap(proceed(invocation));
		FutureProxy<@Nullable Object> future = (key != null) ? executor.submitStored(key, task) : executor.submit(task);
		if (job.isVoid()) {
			reportFailures(job, executor, future);
			return null;
		}
		return future;
	}

	private JobCall jobCall(JobMethod job, MethodInvocation invocation, Class<?> targetClass) {
		WorkerApplication application = this.workerApplication.get();
		if (application == null) {
			throw new IllegalStateException(missingApplication(job));
		}
		return new JobCall(application::context, beanName(invocation), targetClass, job.method(),
				invocation.getArguments());
	}

	private JobCall memberJobCall(JobMethod job, MethodInvocation invocation, Class<?> targetClass) {
		return new JobCall(new MemberJobContext(), beanName(invocation), targetClass, job.method(),
				invocation.getArguments());
	}

	/**
	 * Return whether the given executor runs its tasks on Hazelcast members, where job
	 * calls travel as {@link JobCall}s.
	 * @param executor the executor
	 * @return whether it is a {@code hazelcast} executor
	 */
	static boolean runsOnMembers(ManagedExecutor executor) {
		return hazelcastPresent && executor instanceof DelegatingManagedExecutor managed
				&& managed.pool() instanceof HazelcastPool;
	}

	static String missingApplication(JobMethod job) {
		return "@Job method " + job + " runs on process executor '" + job.executorName() + "', whose worker "
				+ "processes create the job's bean from the application's @SpringBootConfiguration class, but the "
				+ "application has none; start it from a @SpringBootApplication class";
	}

	private static @Nullable String beanName(MethodInvocation invocation) {
		try {
			return ExposeBeanNameAdvisors.getBeanName(invocation);
		}
		catch (IllegalStateException ex) {
			return null;
		}
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

	static @Nullable Object unwrap(@Nullable Object result) throws Exception {
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
