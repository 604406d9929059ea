package dev.executor.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import dev.executor.DoneCallback;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.TaskFailureHandler;
import dev.executor.context.ContextPropagationFactory;
import dev.executor.core.DefaultManagedExecutors;
import dev.executor.core.ExecutorBackends;
import dev.executor.core.ManagedExecutorFactory;
import dev.executor.core.TaskFailureReporter;
import dev.executor.hazelcast.HazelcastBackend;
import dev.executor.job.JobAnnotationBeanPostProcessor;
import dev.executor.job.ResilientJobMethodsPostProcessor;
import dev.executor.process.ProcessBackend;
import dev.executor.process.WorkerApplication;
import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.StoredFuturesFactory;
import dev.executor.spi.TaskObserver;
import dev.executor.thread.CustomPoolBackend;
import dev.executor.thread.ThreadPoolBackend;
import dev.executor.thread.VirtualThreadBackend;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.retry.RetryPolicy;

/**
 * Managed executor configurations imported by {@link ExecutorAutoConfiguration} in this
 * order: the check of the properties as written first, then what builds executors, then
 * the default executor, then the registry.
 */
final class ExecutorConfigurations {

	private ExecutorConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	static class PropertiesCheckConfiguration {

		@Bean
		static BeanFactoryPostProcessor executorPropertiesCheck(Environment environment) {
			return (beanFactory) -> new ExecutorPropertiesChecker(environment).check();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BackendsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ExecutorBackends executorBackends(ObjectProvider<ExecutorBackend> backends, ResourceLoader resourceLoader) {
			List<ExecutorBackend> all = new ArrayList<>(List.of(new ThreadPoolBackend(), new VirtualThreadBackend(),
					new CustomPoolBackend(resourceLoader.getClassLoader()),
					new ProcessBackend(resourceLoader.getClassLoader())));
			backends.orderedStream().forEach(all::add);
			return new ExecutorBackends(all);
		}

		@Bean
		@ConditionalOnMissingBean
		ExecutorSpecResolver executorSpecResolver(ExecutorProperties properties, ExecutorBackends backends,
				ContextPropagationFactory contextPropagationFactory, ListableBeanFactory beanFactory,
				ResourceLoader resourceLoader) {
			return new ExecutorSpecResolver(properties, backends, contextPropagationFactory::names,
					(name) -> qualifiedRetryPolicy(beanFactory, name), resourceLoader.getClassLoader(),
					() -> beanFactory.getBeanNamesForType(DataSource.class, true, false).length > 0);
		}

		// a RetryPolicy bean qualified with an executor's name replaces that executor's
		// retry.* properties; an unqualified one is left to the application's own use
		private static @Nullable RetryPolicy qualifiedRetryPolicy(ListableBeanFactory beanFactory, String name) {
			for (String beanName : beanFactory.getBeanNamesForType(RetryPolicy.class, false, false)) {
				if (BeanFactoryAnnotationUtils.isQualifierMatch(name::equals, beanName, beanFactory)) {
					return beanFactory.getBean(beanName, RetryPolicy.class);
				}
			}
			return null;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "com.hazelcast.core.HazelcastInstance")
		static class HazelcastBackendConfiguration {

			@Bean
			@ConditionalOnMissingBean
			HazelcastBackend hazelcastExecutorBackend(ObjectProvider<HazelcastInstance> instance,
					ObjectProvider<Config> config, ResourceLoader resourceLoader) {
				return new HazelcastBackend(instance::getIfAvailable, config::getIfAvailable,
						resourceLoader.getClassLoader());
			}

			@Bean
			@ConditionalOnMissingBean
			StoredFuturesFactory hazelcastStoredFuturesFactory(HazelcastBackend backend) {
				return backend::storedFutures;
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FactoryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TaskFailureReporter taskFailureReporter(ObjectProvider<TaskFailureHandler> failureHandlers,
				ApplicationEventPublisher eventPublisher) {
			return new TaskFailureReporter(failureHandlers.orderedStream().toList(), eventPublisher::publishEvent);
		}

		@Bean
		@ConditionalOnMissingBean
		ManagedExecutorFactory managedExecutorFactory(ExecutorBackends backends,
				ContextPropagationFactory contextPropagationFactory, TaskFailureReporter failureReporter,
				ObjectProvider<DoneCallback> doneCallbacks, ObjectProvider<TaskObserver> taskObservers,
				ObjectProvider<StoredFuturesFactory> storedFutures) {
			return new ManagedExecutorFactory(backends, contextPropagationFactory, failureReporter,
					doneCallbacks.orderedStream().toList(), taskObservers.orderedStream().toList(),
					storedFutures.getIfAvailable(() -> StoredFuturesFactory.LOCAL));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DefaultExecutorConfiguration {

		@Bean(destroyMethod = "")
		@Qualifier(ManagedExecutor.DEFAULT_NAME)
		@ConditionalOnMissingBean
		ManagedExecutor managedExecutor(ManagedExecutorFactory factory, ExecutorSpecResolver resolver) {
			return factory.create(resolver.resolve(ManagedExecutor.DEFAULT_NAME));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JobConfiguration {

		@Bean
		@ConditionalOnMissingBean
		static JobAnnotationBeanPostProcessor jobAnnotationBeanPostProcessor() {
			return new JobAnnotationBeanPostProcessor();
		}

		@Bean
		@ConditionalOnMissingBean
		static ResilientJobMethodsPostProcessor resilientJobMethodsPostProcessor() {
			return new ResilientJobMethodsPostProcessor();
		}

		// the context of a worker process creates its beans when job calls need them,
		// except the job beans themselves, which are ready before the first call
		@Bean
		@Profile(WorkerApplication.PROFILE)
		static LazyInitializationExcludeFilter jobBeansLazyInitializationExcludeFilter() {
			return (beanName, beanDefinition, beanType) -> JobAnnotationBeanPostProcessor.hasJobMethods(beanType);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ManagedExecutors managedExecutors(ListableBeanFactory beanFactory) {
			return new DefaultManagedExecutors(beanFactory.getBeansOfType(ManagedExecutor.class).values());
		}

	}

}
