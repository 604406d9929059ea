package dev.executor.autoconfigure;

import dev.executor.actuate.observation.TaskObservations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that runs the tasks of managed
 * executors in observations, so that traces show a span for each task.
 */
@AutoConfiguration(after = ObservationAutoConfiguration.class)
@ConditionalOnClass({ ObservationRegistry.class, ObservationAutoConfiguration.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class ExecutorObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TaskObservations executorTaskObservations(ObservationRegistry registry) {
		return new TaskObservations(registry);
	}

}
