package dev.executor.job;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.executor.Job;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.NoSuchExecutorException;
import dev.executor.core.TaskFailureReporter;
import dev.executor.spi.RemoteTaskPool;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.interceptor.ExposeBeanNameAdvisors;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Proxies beans that have {@link dev.executor.Job @Job} methods so that calling them
 * submits the call to a managed executor. Wrong return types fail when the bean is
 * created; executor names that do not exist fail once all singletons are created.
 */
public class JobAnnotationBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor
		implements SmartInitializingSingleton {

	// by description, then by method and class: two job classes may share a simple name
	private final Map<String, Map<MethodClassKey, JobMethod>> jobMethods = new ConcurrentHashMap<>();

	private @Nullable BeanFactory beanFactory;

	private @Nullable JobInterceptor interceptor;

	/**
	 * Create a new post-processor.
	 */
	public JobAnnotationBeanPostProcessor() {
		setBeforeExistingAdvisors(true);
		setProxyTargetClass(true);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		this.beanFactory = beanFactory;
		JobInterceptor interceptor = new JobInterceptor(() -> beanFactory.getBean(ManagedExecutors.class),
				() -> beanFactory.getBean(TaskFailureReporter.class), () -> listable(beanFactory));
		this.interceptor = interceptor;
		this.advisor = new DefaultPointcutAdvisor(new JobPointcut(), interceptor);
	}

	private static @Nullable ConfigurableListableBeanFactory listable(BeanFactory beanFactory) {
		return (beanFactory instanceof ConfigurableListableBeanFactory listable) ? listable : null;
	}

	@Override
	protected ProxyFactory prepareProxyFactory(Object bean, String beanName) {
		ProxyFactory proxyFactory = super.prepareProxyFactory(bean, beanName);
		// lets a job call that travels to a worker process name the bean it calls there
		proxyFactory.addAdvisor(ExposeBeanNameAdvisors.createAdvisorWithoutIntroduction(beanName));
		return proxyFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = ClassUtils.getUserClass(bean);
		ReflectionUtils.doWithMethods(targetClass, (method) -> {
			JobMethod job = JobMethod.of(method, targetClass);
			if (job != null) {
				this.jobMethods.computeIfAbsent(job.toString(), (description) -> new ConcurrentHashMap<>())
					.put(new MethodClassKey(method, targetClass), job);
			}
		}, ReflectionUtils.USER_DECLARED_METHODS);
		return super.postProcessAfterInitialization(bean, beanName);
	}

	/**
	 * Return whether beans of the given type have {@link dev.executor.Job @Job} methods.
	 * @param type the type of a bean
	 * @return whether it has job methods
	 */
	public static boolean hasJobMethods(Class<?> type) {
		Class<?> targetClass = ClassUtils.getUserClass(type);
		if (!AnnotationUtils.isCandidateClass(targetClass, Job.class)) {
			return false;
		}
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(targetClass,
				ReflectionUtils.USER_DECLARED_METHODS)) {
			try {
				if (JobMethod.of(method, targetClass) != null) {
					return true;
				}
			}
			catch (IllegalStateException ex) {
				// a job method, whose return type fails its bean when that is created
				return true;
			}
		}
		return false;
	}

	@Override
	public void afterSingletonsInstantiated() {
		BeanFactory beanFactory = this.beanFactory;
		if (beanFactory == null || this.jobMethods.isEmpty()) {
			return;
		}
		ManagedExecutors executors = beanFactory.getBean(ManagedExecutors.class);
		Set<String> known = executors.names();
		// in the order of their names, so that the first wrong one is the same at every start
		this.jobMethods.values()
			.stream()
			.flatMap((jobs) -> jobs.values().stream())
			.sorted(Comparator.comparing(JobMethod::toString))
			.forEach((job) -> check(job, executors, known));
	}

	private void check(JobMethod job, ManagedExecutors executors, Set<String> known) {
		String executorName = job.executorName();
		if (!known.contains(executorName)) {
			throw new NoSuchExecutorException(executorName, known, "@Job method " + job + " names the executor '"
					+ executorName + "', which does not exist; known executors are " + known);
		}
		ManagedExecutor executor = executors.get(executorName);
		JobInterceptor interceptor = this.interceptor;
		if (interceptor == null) {
			return;
		}
		interceptor.resilience(job);
		RemoteTaskPool remote = JobInterceptor.remotePool(executor);
		if (remote != null) {
			// tells the pool once that job calls will come, which the first call then finds
			interceptor.jobContext(job, executor, remote);
		}
	}

	private static final class JobPointcut extends StaticMethodMatcherPointcut {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return JobMethod.of(method, targetClass) != null;
		}

	}

}
