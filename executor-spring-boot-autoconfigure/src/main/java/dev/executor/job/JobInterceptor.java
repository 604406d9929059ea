package dev.executor.job;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import dev.executor.ExecutorSpec.JdbcSpec;
import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.TaskOptions;
import dev.executor.TaskThrottle;
import dev.executor.core.TaskFailureReporter;
import dev.executor.remote.ReceivingApplication;
import dev.executor.spi.ApplicationContextSource;
import dev.executor.spi.RemoteTaskPool;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.interceptor.ExposeBeanNameAdvisors;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
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

	private static final ThreadLocal<Boolean> proceedWithNextCall = new ThreadLocal<>();

	private final Supplier<ManagedExecutors> executors;

	private final Supplier<TaskFailureReporter> failureReporter;

	private final Supplier<@Nullable ConfigurableListableBeanFactory> beanFactory;

	private final Map<RemoteTaskPool, ApplicationContextSource> jobContexts = new ConcurrentHashMap<>();

	private final Map<MethodClassKey, Optional<JobMethod>> jobMethods = new ConcurrentHashMap<>();

	private final Map<MethodClassKey, JobResilience> resilience = new ConcurrentHashMap<>();

	// the throttles of class-level concurrency limits, by bean
	private final Map<Object, TaskThrottle> classThrottles = new IdentityHashMap<>();

	private final Map<String, Expression> keyExpressions = new ConcurrentHashMap<>();

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	JobInterceptor(Supplier<ManagedExecutors> executors, Supplier<TaskFailureReporter> failureReporter,
			Supplier<@Nullable ConfigurableListableBeanFactory> beanFactory) {
		this.executors = SingletonSupplier.of(executors);
		this.failureReporter = SingletonSupplier.of(failureReporter);
		this.beanFactory = beanFactory;
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
	 * Return the pool of the given executor if it runs its tasks out of this application
	 * instance, where job calls travel as {@link JobCall}s.
	 * @param executor the executor
	 * @return the pool, or {@code null} if job calls run here
	 */
	static @Nullable RemoteTaskPool remotePool(ManagedExecutor executor) {
		return executor.pool(RemoteTaskPool.class).orElse(null);
	}

	/**
	 * Return where job calls on the given pool find the job's bean.
	 * @param job the job method
	 * @param executor the executor of the job
	 * @param pool the executor's pool
	 * @param beanFactory the bean factory of the application
	 * @return the source of the application context that holds the job's bean
	 * @throws IllegalStateException if the pool cannot run job calls
	 */
	private static ApplicationContextSource jobContext(JobMethod job, ManagedExecutor executor, RemoteTaskPool pool,
			@Nullable ConfigurableListableBeanFactory beanFactory) {
		try {
			if (beanFactory == null) {
				throw new IllegalStateException("which needs a ConfigurableListableBeanFactory to find the job's bean");
			}
			return pool.jobContext(beanFactory);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("@Job method " + job + " runs on " + executor.type() + " executor '"
					+ executor.name() + "', " + ex.getMessage(), ex);
		}
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
		ManagedExecutor executor = submitTo(job, this.executors.get().get(job.executorName()),
				(target != null) ? target : job);
		String key = key(job, invocation.getArguments());
		RemoteTaskPool remote = remotePool(executor);
		Callable<@Nullable Object> task = (remote != null) ? jobCall(job, executor, remote, invocation, targetClass)
				: localCall(job, executor, key, invocation, targetClass);
		FutureProxy<@Nullable Object> future = (key != null) ? executor.submitStored(key, task) : executor.submit(task);
		if (job.isVoid()) {
			reportFailures(job, executor, future);
			return null;
		}
		return future;
	}

	/**
	 * Return what the annotations of Spring's resilience model on a job method ask of its
	 * calls, read once.
	 * @param job the job method
	 * @return the retry policy and concurrency limit of the job
	 * @throws IllegalStateException if an annotation has a value that is not valid
	 */
	JobResilience resilience(JobMethod job) {
		return this.resilience.computeIfAbsent(new MethodClassKey(job.method(), job.targetClass()),
				(key) -> JobResilience.of(job, job.targetClass(), this.beanFactory.get()));
	}

	private ManagedExecutor submitTo(JobMethod job, ManagedExecutor executor, Object bean) {
		TaskOptions options = resilience(job).options(job, bean, this.beanFactory.get(), this.classThrottles);
		return (options != null) ? executor.with(options) : executor;
	}

	/**
	 * Return where job calls on the given pool find the job's bean, asking the pool once.
	 * @param job the job method
	 * @param executor the executor of the job
	 * @param pool the executor's pool
	 * @return the source of the application context that holds the job's bean
	 * @throws IllegalStateException if the pool cannot run job calls
	 */
	ApplicationContextSource jobContext(JobMethod job, ManagedExecutor executor, RemoteTaskPool pool) {
		return this.jobContexts.computeIfAbsent(pool,
				(key) -> jobContext(job, executor, pool, this.beanFactory.get()));
	}

	private JobCall jobCall(JobMethod job, ManagedExecutor executor, RemoteTaskPool pool, MethodInvocation invocation,
			Class<?> targetClass) {
		return new JobCall(jobContext(job, executor, pool), beanName(invocation), targetClass, job.method(),
				invocation.getArguments());
	}

	// a stored call that a survivor may run again travels as a call of the same bean there
	private static Callable<@Nullable Object> localCall(JobMethod job, ManagedExecutor executor, @Nullable String key,
			MethodInvocation invocation, Class<?> targetClass) {
		Callable<@Nullable Object> here = () -> unwrap(proceed(invocation));
		JdbcSpec store = executor.spec().jdbc();
		if (key == null || !store.storeFutures() || !store.resubmitOnOwnerLoss()) {
			return here;
		}
		return new ResubmittableJobCall(here, new JobCall(new ReceivingApplication(), beanName(invocation),
				targetClass, job.method(), invocation.getArguments()));
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
		if (!executor.spec().propagateExceptions()) {
			future.whenComplete((result, ex) -> {
				if (ex != null && !future.isCancelled()) {
					this.failureReporter.get().report(future, ex, "Job " + job);
				}
			});
		}
	}

}
