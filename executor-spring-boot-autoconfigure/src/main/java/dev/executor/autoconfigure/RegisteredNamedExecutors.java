package dev.executor.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.executor.spi.InvalidExecutorPropertyException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

/**
 * The named executors that {@link NamedExecutorsRegistrar} registered, checked against
 * the configuration when the application starts. The two differ only in an application
 * processed ahead of time, whose bean definitions were made when it was built: an
 * executor configured since would be missing, and one no longer configured would still
 * run, on the top-level settings.
 */
class RegisteredNamedExecutors implements InitializingBean {

	private final Set<String> names;

	private final Environment environment;

	RegisteredNamedExecutors(String[] names, Environment environment) {
		this.names = new LinkedHashSet<>(List.of(names));
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		Set<String> configured = NamedExecutorsRegistrar.configuredNames(this.environment);
		for (String name : configured) {
			if (!this.names.contains(name)) {
				throw new InvalidExecutorPropertyException("executor.named." + name, name,
						"the application was processed ahead of time without this executor, and the named executors "
								+ "of such an application are fixed when it is built",
						"Build the application again with this configuration, so that spring-boot:process-aot "
								+ "registers the executor, or start it without spring.aot.enabled");
			}
		}
		for (String name : this.names) {
			if (!configured.contains(name)) {
				throw new InvalidExecutorPropertyException("executor.named." + name, null,
						"the application was processed ahead of time with this executor, which is no longer "
								+ "configured and would run on the top-level settings",
						"Build the application again with this configuration, so that spring-boot:process-aot "
								+ "leaves the executor out, or configure executor.named." + name + " again");
			}
		}
	}

}
