package dev.executor.autoconfigure;

import dev.executor.ManagedExecutors;
import dev.executor.actuate.health.ExecutorsHealthContributor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code executors} health
 * contributor.
 */
@AutoConfiguration(after = ExecutorAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(Health.class)
@ConditionalOnEnabledHealthIndicator("executors")
public final class ExecutorsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnBean(ManagedExecutors.class)
	@ConditionalOnMissingBean
	ExecutorsHealthContributor executorsHealthContributor(ManagedExecutors executors) {
		return new ExecutorsHealthContributor(executors);
	}

}
