package dev.executor.job;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.executor.ManagedExecutors;
import dev.executor.NoSuchExecutorException;
import dev.executor.core.TaskFailureReporter;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Proxies beans that have {@link dev.executor.Job @Job} methods so that calling them
 * submits the call to a managed executor. Wrong return types fail when the bean is
 * created; executor names that do not exist fail once all singletons are created.
 */
public class JobAnnotationBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor
		implements SmartInitializingSingleton {

	private final Map<String, String> executorNamesByMethod = new ConcurrentHashMap<>();

	private @Nullable BeanFactory beanFactory;

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
				() -> beanFactory.getBean(TaskFailureReporter.class));
		this.advisor = new DefaultPointcutAdvisor(new JobPointcut(), interceptor);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = ClassUtils.getUserClass(bean);
		ReflectionUtils.doWithMethods(targetClass, (method) -> {
			JobMethod job = JobMethod.of(method, targetClass);
			if (job != null) {
				this.executorNamesByMethod.put(job.toString(), job.executorName());
			}
		}, ReflectionUtils.USER_DECLARED_METHODS);
		return super.postProcessAfterInitialization(bean, beanName);
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.beanFactory == null || this.executorNamesByMethod.isEmpty()) {
			return;
		}
		Set<String> known = this.beanFactory.getBean(ManagedExecutors.class).names();
		this.executorNamesByMethod.forEach((method, executorName) -> {
			if (!known.contains(executorName)) {
				throw new NoSuchExecutorException(executorName, known,
						"@Job method " + method + " names the executor '" + executorName
								+ "', which does not exist; known executors are " + known);
			}
		});
	}

	private static final class JobPointcut extends StaticMethodMatcherPointcut {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return JobMethod.of(method, targetClass) != null;
		}

	}

}
