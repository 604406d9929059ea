package dev.executor.job;

import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Advisor;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.resilience.annotation.ConcurrencyLimitBeanPostProcessor;
import org.springframework.resilience.annotation.RetryAnnotationBeanPostProcessor;

/**
 * Keeps the interceptors that {@code @EnableResilientMethods} puts around
 * {@code @Retryable} and {@code @ConcurrencyLimit} methods away from
 * {@link dev.executor.Job @Job} methods: their calls are retried and limited by their
 * executor, without a worker waiting, and must not also be retried or blocked around
 * the job's body, on the worker. Other methods of the same beans keep Spring's
 * interceptors.
 * <p>
 * Not {@link org.springframework.core.Ordered}, so that it runs after Spring's own
 * post-processors, which are, and finds their advisors on the proxies.
 *
 * @since 0.1.0
 */
public class ResilientJobMethodsPostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof Advised advised && !advised.isFrozen()) {
			for (Advisor advisor : advised.getAdvisors()) {
				if (advisor instanceof PointcutAdvisor pointcutAdvisor && isSpringResilience(advisor.getAdvice())) {
					advised.replaceAdvisor(advisor, new DefaultPointcutAdvisor(
							new ComposablePointcut(pointcutAdvisor.getPointcut()).intersection(new NotAJob()),
							advisor.getAdvice()));
				}
			}
		}
		return bean;
	}

	private static boolean isSpringResilience(Advice advice) {
		Class<?> declaring = advice.getClass().getEnclosingClass();
		return declaring == RetryAnnotationBeanPostProcessor.class
				|| declaring == ConcurrencyLimitBeanPostProcessor.class;
	}

	private static final class NotAJob extends StaticMethodMatcher {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return JobMethod.of(method, targetClass) == null;
		}

	}

}
