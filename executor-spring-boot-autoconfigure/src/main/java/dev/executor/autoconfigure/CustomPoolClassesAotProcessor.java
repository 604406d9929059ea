package dev.executor.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Registers the {@code pool-class} of every {@code custom} executor configured at build
 * time for reflection when the application is processed ahead of time: the executor
 * creates its pool from the class name, which a native image allows only for classes
 * that were registered.
 */
class CustomPoolClassesAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(ExecutorSpecResolver.class, false, false).length == 0) {
			return null;
		}
		Set<String> poolClasses = poolClasses(beanFactory.getBean(Environment.class));
		if (poolClasses.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			poolClasses.forEach((poolClass) -> reflection.registerType(TypeReference.of(poolClass),
					MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS));
		};
	}

	private static Set<String> poolClasses(Environment environment) {
		ExecutorProperties properties = Binder.get(environment)
			.bind("executor", ExecutorProperties.class)
			.orElseGet(ExecutorProperties::new);
		Set<String> poolClasses = new LinkedHashSet<>();
		Stream.concat(Stream.of(properties.getPoolClass()),
				properties.getNamed().values().stream().map(ExecutorSettings::getPoolClass))
			.filter((poolClass) -> poolClass != null && !poolClass.isBlank())
			.forEach(poolClasses::add);
		return poolClasses;
	}

}
