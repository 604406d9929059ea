package dev.executor.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for managed executors. Runs after
 * Spring Boot's task execution auto-configuration so that its
 * {@code applicationTaskExecutor} is kept. Tasks see the context of the thread that
 * submitted them: what the libraries on the classpath keep in thread locals.
 */
@AutoConfiguration(after = TaskExecutionAutoConfiguration.class)
@EnableConfigurationProperties(ExecutorProperties.class)
@ImportRuntimeHints(ExecutorRuntimeHints.class)
@Import({ ContextPropagationConfigurations.RequestContextConfiguration.class,
		ContextPropagationConfigurations.SecurityContextConfiguration.class,
		ContextPropagationConfigurations.LocaleContextConfiguration.class,
		ContextPropagationConfigurations.MdcContextConfiguration.class,
		ContextPropagationConfigurations.ObservationContextConfiguration.class,
		ContextPropagationConfigurations.FactoryConfiguration.class,
		ExecutorConfigurations.PropertiesCheckConfiguration.class, ExecutorConfigurations.BackendsConfiguration.class,
		ExecutorConfigurations.FactoryConfiguration.class, ExecutorConfigurations.DefaultExecutorConfiguration.class,
		ExecutorConfigurations.RegistryConfiguration.class, ExecutorConfigurations.JobConfiguration.class,
		NamedExecutorsRegistrar.class })
public final class ExecutorAutoConfiguration {

}
