package dev.executor.thread;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;

import dev.executor.ExecutorSpec;
import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.InvalidExecutorPropertyException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The {@code custom} executor type: an instance of the {@link ExecutorService} class named
 * by {@code pool-class}, created with its {@code (int maxWorkers)} constructor if it has
 * one, otherwise with its no-argument constructor.
 */
public class CustomPoolBackend implements ExecutorBackend {

	/**
	 * The name of this type.
	 */
	public static final String NAME = "custom";

	private final @Nullable ClassLoader classLoader;

	/**
	 * Create a new backend.
	 * @param classLoader the class loader of pool classes
	 */
	public CustomPoolBackend(@Nullable ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public ExecutorService create(ExecutorSpec spec) {
		String property = spec.propertyPrefix() + ".pool-class";
		String className = spec.poolClass();
		if (className == null || className.isBlank()) {
			throw new InvalidExecutorPropertyException(property, className, "type 'custom' needs a pool class",
					"Set " + property + " to the fully qualified name of a class that implements "
							+ ExecutorService.class.getName());
		}
		Class<?> poolClass = loadClass(property, className);
		if (!ExecutorService.class.isAssignableFrom(poolClass)) {
			throw new InvalidExecutorPropertyException(property, className,
					"the class does not implement " + ExecutorService.class.getName(),
					"Set " + property + " to a class that implements " + ExecutorService.class.getName());
		}
		return instantiate(property, poolClass, spec.maxWorkers());
	}

	private Class<?> loadClass(String property, String className) {
		try {
			return ClassUtils.forName(className, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new InvalidExecutorPropertyException(property, className, "the class cannot be found",
					"Check the class name for typos and that the class is on the application's classpath");
		}
	}

	private ExecutorService instantiate(String property, Class<?> poolClass, int maxWorkers) {
		try {
			Constructor<?> sized = findConstructor(poolClass, int.class);
			if (sized != null) {
				return (ExecutorService) sized.newInstance(maxWorkers);
			}
			Constructor<?> plain = findConstructor(poolClass);
			if (plain != null) {
				return (ExecutorService) plain.newInstance();
			}
		}
		catch (InvocationTargetException ex) {
			throw new InvalidExecutorPropertyException(property, poolClass.getName(),
					"its constructor threw " + ex.getTargetException(),
					"Fix the constructor of " + poolClass.getName() + " or choose another pool class");
		}
		catch (ReflectiveOperationException ex) {
			throw new InvalidExecutorPropertyException(property, poolClass.getName(), "it cannot be instantiated: " + ex,
					"Make " + poolClass.getName() + " a public, concrete class with a public constructor");
		}
		throw new InvalidExecutorPropertyException(property, poolClass.getName(),
				"the class has neither a public (int maxWorkers) nor a public no-argument constructor",
				"Add one of those constructors to " + poolClass.getName());
	}

	private static @Nullable Constructor<?> findConstructor(Class<?> type, Class<?>... parameterTypes) {
		try {
			return type.getConstructor(parameterTypes);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "built-in executor type '" + NAME + "'";
	}

}
