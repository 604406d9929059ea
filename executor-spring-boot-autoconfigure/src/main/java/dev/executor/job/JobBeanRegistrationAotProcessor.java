package dev.executor.job;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.util.ReflectionUtils;

/**
 * Registers the {@link dev.executor.Job @Job} methods of a bean for reflection when the
 * application is processed ahead of time: a job call that travels to a Hazelcast member
 * finds its bean's class and method there by name, which a native image allows only for
 * what was registered.
 */
class JobBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> beanClass = registeredBean.getBeanClass();
		List<Method> jobMethods = jobMethods(beanClass);
		if (jobMethods.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			jobMethods.forEach((method) -> reflection.registerMethod(method, ExecutableMode.INVOKE));
		};
	}

	private static List<Method> jobMethods(Class<?> beanClass) {
		List<Method> jobMethods = new ArrayList<>();
		ReflectionUtils.doWithMethods(beanClass, (method) -> {
			if (JobMethod.of(method, beanClass) != null) {
				jobMethods.add(method);
			}
		}, ReflectionUtils.USER_DECLARED_METHODS);
		return jobMethods;
	}

}
