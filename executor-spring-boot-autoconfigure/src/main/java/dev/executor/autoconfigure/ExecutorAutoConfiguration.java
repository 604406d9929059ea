package dev.executor.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for managed executors. Runs after
 * Spring Boot's task execution auto-configuration so that its
 * {@code applicationTaskExecutor} is kept.
 */
@AutoConfiguration(after = TaskExecutionAutoConfiguration.class)
@EnableConfigurationProperties(ExecutorProperties.class)
@Import({ ExecutorConfigurations.BackendsConfiguration.class, ExecutorConfigurations.FactoryConfiguration.class,
		ExecutorConfigurations.DefaultExecutorConfiguration.class, ExecutorConfigurations.RegistryConfiguration.class,
		ExecutorConfigurations.JobConfiguration.class,
		NamedExecutorsRegistrar.class })
public final class ExecutorAutoConfiguration {

}
