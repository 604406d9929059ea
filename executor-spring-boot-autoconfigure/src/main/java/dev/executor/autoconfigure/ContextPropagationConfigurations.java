package dev.executor.autoconfigure;

import dev.executor.context.ContextPropagationFactory;
import dev.executor.context.NamedThreadLocalAccessor;
import dev.executor.context.ResolvedLocaleContextThreadLocalAccessor;
import dev.executor.context.SnapshotContextPropagationFactory;
import dev.executor.context.logging.LogbackMdcThreadLocalAccessor;
import dev.executor.context.security.SecurityContextCopyingThreadLocalAccessor;
import dev.executor.context.web.DetachedRequestThreadLocalAccessor;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Context propagation configurations imported by {@link ExecutorAutoConfiguration}: one
 * named accessor for each kind of context whose library is on the classpath, in
 * propagation order, then the factory that builds each executor's propagation from them
 * and from the accessors registered with the global {@code ContextRegistry}.
 */
final class ContextPropagationConfigurations {

	private ContextPropagationConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RequestContextHolder.class, HttpServletRequest.class })
	static class RequestContextConfiguration {

		@Bean
		NamedThreadLocalAccessor requestContextAccessor() {
			return new NamedThreadLocalAccessor("request", new DetachedRequestThreadLocalAccessor());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityContextHolder.class)
	static class SecurityContextConfiguration {

		@Bean
		NamedThreadLocalAccessor securityContextAccessor() {
			return new NamedThreadLocalAccessor("security", new SecurityContextCopyingThreadLocalAccessor());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LocaleContextConfiguration {

		@Bean
		NamedThreadLocalAccessor localeContextAccessor() {
			return new NamedThreadLocalAccessor("locale", new ResolvedLocaleContextThreadLocalAccessor());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MDC.class)
	static class MdcContextConfiguration {

		@Bean
		NamedThreadLocalAccessor mdcContextAccessor(ResourceLoader resourceLoader) {
			boolean logbackPresent = ClassUtils.isPresent("ch.qos.logback.classic.util.LogbackMDCAdapter",
					resourceLoader.getClassLoader());
			ThreadLocalAccessor<?> logback = logbackPresent ? LogbackMdcThreadLocalAccessor.of(MDC.getMDCAdapter())
					: null;
			return new NamedThreadLocalAccessor("mdc", (logback != null) ? logback : new Slf4jThreadLocalAccessor());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationThreadLocalAccessor.class)
	static class ObservationContextConfiguration {

		@Bean
		NamedThreadLocalAccessor observationContextAccessor() {
			return new NamedThreadLocalAccessor("observation", ObservationThreadLocalAccessor.getInstance());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FactoryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ContextPropagationFactory executorContextPropagationFactory(ObjectProvider<NamedThreadLocalAccessor> accessors) {
			return new SnapshotContextPropagationFactory(accessors.orderedStream().toList());
		}

	}

}
