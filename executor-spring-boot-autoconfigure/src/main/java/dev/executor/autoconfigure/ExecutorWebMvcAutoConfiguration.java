package dev.executor.autoconfigure;

import dev.executor.web.ExecutorProblemDetailsExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that answers executor exceptions
 * escaping Spring MVC controllers with problem details.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public final class ExecutorWebMvcAutoConfiguration {

	// the application's own advice has this order too unless it says otherwise, and it
	// is registered before any auto-configuration, so it is asked first
	@Bean
	@ConditionalOnMissingBean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ExecutorProblemDetailsExceptionHandler executorProblemDetailsExceptionHandler() {
		return new ExecutorProblemDetailsExceptionHandler();
	}

}
