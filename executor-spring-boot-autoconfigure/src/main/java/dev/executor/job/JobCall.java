package dev.executor.job;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.Callable;

import dev.executor.spi.ApplicationContextSource;
import dev.executor.spi.ApplicationContextTask;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A call of a {@link dev.executor.Job @Job} method that travels to a worker process of a
 * {@code process} executor or to a member of a {@code hazelcast} one: the bean and
 * method by name, and the arguments. There it calls the same method of the same bean in
 * the application context found by its {@link ApplicationContextSource}, in the current thread,
 * and returns what the method's future holds.
 */
final class JobCall implements Callable<@Nullable Object>, ApplicationContextTask, Serializable {

	private final ApplicationContextSource contextSource;

	private final @Nullable String beanName;

	private final String beanClass;

	private final String declaringClass;

	private final String methodName;

	private final String[] parameterTypes;

	private final @Nullable Object[] arguments;

	JobCall(ApplicationContextSource contextSource, @Nullable String beanName, Class<?> beanClass, Method method,
			@Nullable Object[] arguments) {
		this.contextSource = contextSource;
		this.beanName = beanName;
		this.beanClass = beanClass.getName();
		this.declaringClass = method.getDeclaringClass().getName();
		this.methodName = method.getName();
		this.parameterTypes = Arrays.stream(method.getParameterTypes()).map(Class::getName).toArray(String[]::new);
		this.arguments = arguments;
	}

	@Override
	public ApplicationContextSource contextSource() {
		return this.contextSource;
	}

	@Override
	public @Nullable Object call() throws Exception {
		ApplicationContext context = this.contextSource.context();
		ClassLoader classLoader = context.getClassLoader();
		Object bean = bean(context, classLoader);
		Method method = ClassUtils.forName(this.declaringClass, classLoader)
			.getDeclaredMethod(this.methodName, parameterTypes(classLoader));
		ReflectionUtils.makeAccessible(method);
		JobInterceptor.proceedWithNextCall();
		try {
			return JobInterceptor.unwrap(method.invoke(bean, this.arguments));
		}
		catch (InvocationTargetException ex) {
			if (ex.getTargetException() instanceof Error error) {
				throw error;
			}
			throw (ex.getTargetException() instanceof Exception failure) ? failure : ex;
		}
		finally {
			JobInterceptor.submitNextCalls();
		}
	}

	private Object bean(ApplicationContext context, @Nullable ClassLoader classLoader) throws ClassNotFoundException {
		if (this.beanName != null && context.containsBean(this.beanName)) {
			return context.getBean(this.beanName);
		}
		return context.getBean(ClassUtils.forName(this.beanClass, classLoader));
	}

	private Class<?>[] parameterTypes(@Nullable ClassLoader classLoader) throws ClassNotFoundException {
		Class<?>[] types = new Class<?>[this.parameterTypes.length];
		for (int i = 0; i < types.length; i++) {
			types[i] = ClassUtils.forName(this.parameterTypes[i], classLoader);
		}
		return types;
	}

	@Override
	public String toString() {
		return "JobCall[" + ClassUtils.getShortName(this.declaringClass) + "." + this.methodName + "]";
	}

}
