package dev.executor.autoconfigure;

import javax.sql.DataSource;

import com.hazelcast.core.HazelcastInstance;
import dev.executor.hazelcast.HazelcastBackend;
import dev.executor.jdbc.JdbcStoredFuturesFactory;
import dev.executor.spi.StoredFuturesFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for stored futures kept in the
 * application's database ({@code executor.futures.store=jdbc} on any executor). Runs
 * after Spring Boot's {@code DataSource} auto-configuration and before the executors
 * are configured, whose stores it creates.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = ExecutorAutoConfiguration.class)
@ConditionalOnClass({ JdbcClient.class, DataSourceScriptDatabaseInitializer.class })
@ConditionalOnBean(DataSource.class)
@Conditional(OnJdbcFuturesStoreCondition.class)
@EnableConfigurationProperties(ExecutorProperties.class)
@Import({ ExecutorJdbcStoreAutoConfiguration.HazelcastStoresConfiguration.class,
		ExecutorJdbcStoreAutoConfiguration.LocalStoresConfiguration.class })
public final class ExecutorJdbcStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ExecutorFuturesDataSourceScriptDatabaseInitializer executorFuturesDataSourceScriptDatabaseInitializer(
			DataSource dataSource, ExecutorProperties properties) {
		return new ExecutorFuturesDataSourceScriptDatabaseInitializer(dataSource, properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HazelcastInstance.class)
	static class HazelcastStoresConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		StoredFuturesFactory jdbcStoredFuturesFactory(DataSource dataSource, ApplicationContext applicationContext,
				ObjectProvider<HazelcastBackend> hazelcast) {
			return new JdbcStoredFuturesFactory(dataSource, applicationContext.getClassLoader(),
					(spec) -> hazelcast.getObject().storedFutures(spec), applicationContext);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("com.hazelcast.core.HazelcastInstance")
	static class LocalStoresConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		StoredFuturesFactory jdbcStoredFuturesFactory(DataSource dataSource, ApplicationContext applicationContext) {
			return new JdbcStoredFuturesFactory(dataSource, applicationContext.getClassLoader(),
					StoredFuturesFactory.LOCAL, applicationContext);
		}

	}

}
