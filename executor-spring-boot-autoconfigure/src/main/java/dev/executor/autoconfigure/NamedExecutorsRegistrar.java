package dev.executor.autoconfigure;

import java.util.Collections;
import java.util.Map;

import dev.executor.ManagedExecutor;
import dev.executor.core.ManagedExecutorFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
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
 */
class NamedExecutorsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private static final Bindable<Map<String, ExecutorSettings>> NAMED = Bindable.mapOf(String.class,
			ExecutorSettings.class);

	@SuppressWarnings("NullAway.Init")
	private Environment environment;

	@SuppressWarnings("NullAway.Init")
	private BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		Map<String, ExecutorSettings> named = Binder.get(this.environment)
			.bind("executor.named", NAMED)
			.orElse(Collections.emptyMap());
		for (String name : named.keySet()) {
			ExecutorSpecResolver.checkName(name);
			registry.registerBeanDefinition(beanName(name), definition(name));
		}
	}

	/**
	 * Return the bean name of the named executor with the given name.
	 * @param name the executor name
	 * @return the bean name
	 */
	static String beanName(String name) {
		return name + "ManagedExecutor";
	}

	private RootBeanDefinition definition(String name) {
		RootBeanDefinition definition = new RootBeanDefinition(ManagedExecutor.class, () -> create(name));
		definition.setTargetType(ManagedExecutor.class);
		definition.setDefaultCandidate(false);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		return definition;
	}

	private ManagedExecutor create(String name) {
		ExecutorSpecResolver resolver = this.beanFactory.getBean(ExecutorSpecResolver.class);
		return this.beanFactory.getBean(ManagedExecutorFactory.class).create(resolver.resolve(name));
	}

}
