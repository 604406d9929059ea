package dev.executor.autoconfigure;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

import dev.executor.ManagedExecutor;
import dev.executor.core.ManagedExecutorFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers a {@link ManagedExecutor} bean for each executor under
 * {@code executor.named}: bean name {@code <name>ManagedExecutor}, qualifier
 * {@code <name>}. Named executors are injected by qualifier only, so that injection by
 * type keeps finding the default executor.
 * <p>
 * Each definition names a factory method and the executor's name as its argument rather
 * than holding an instance supplier, so that Spring AOT can write it out as code: in an
 * application processed ahead of time the set of named executors is the one seen at
 * build time, while their settings are still resolved when the application starts.
 * {@link RegisteredNamedExecutors} fails the start when that set is no longer the
 * configured one.
 */
class NamedExecutorsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	private static final Bindable<Map<String, ExecutorSettings>> NAMED = Bindable.mapOf(String.class,
			ExecutorSettings.class);

	@SuppressWarnings("NullAway.Init")
	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		new ExecutorPropertiesChecker(this.environment).checkNames();
		Set<String> names = configuredNames(this.environment);
		for (String name : names) {
			registry.registerBeanDefinition(beanName(name), definition(name));
		}
		registry.registerBeanDefinition(RegisteredNamedExecutors.class.getName(), registeredNamesDefinition(names));
	}

	/**
	 * Return the names of the executors configured under {@code executor.named}.
	 * @param environment the environment
	 * @return the names, in the order they are configured
	 */
	static Set<String> configuredNames(Environment environment) {
		Map<String, ExecutorSettings> named = Binder.get(environment)
			.bind("executor.named", NAMED)
			.orElse(Collections.emptyMap());
		return named.keySet();
	}

	/**
	 * Return the bean name of the named executor with the given name.
	 * @param name the executor name
	 * @return the bean name
	 */
	static String beanName(String name) {
		return name + "ManagedExecutor";
	}

	/**
	 * Create the named executor with the given name: the factory method of the bean
	 * definitions this registrar registers.
	 * @param name the executor name
	 * @param resolver resolves the executor's settings
	 * @param factory creates the executor
	 * @return the executor
	 */
	static ManagedExecutor namedExecutor(String name, ExecutorSpecResolver resolver, ManagedExecutorFactory factory) {
		return factory.create(resolver.resolve(name));
	}

	private RootBeanDefinition definition(String name) {
		RootBeanDefinition definition = new RootBeanDefinition(NamedExecutorsRegistrar.class);
		definition.setFactoryMethodName("namedExecutor");
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		definition.setTargetType(ManagedExecutor.class);
		// shut down as a DisposableBean, like the default executor: no method inferred from
		// the ExecutorService type, which AOT would otherwise add as a second destroy method
		definition.setDestroyMethodName("");
		definition.setDefaultCandidate(false);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		return definition;
	}

	private RootBeanDefinition registeredNamesDefinition(Set<String> names) {
		RootBeanDefinition definition = new RootBeanDefinition(RegisteredNamedExecutors.class);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, names.toArray(String[]::new));
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		return definition;
	}

}
