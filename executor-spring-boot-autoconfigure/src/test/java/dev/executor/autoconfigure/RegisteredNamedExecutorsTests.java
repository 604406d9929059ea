package dev.executor.autoconfigure;

import dev.executor.spi.InvalidExecutorPropertyException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link RegisteredNamedExecutors}.
 */
class RegisteredNamedExecutorsTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void sameExecutorsAsRegisteredShouldPass() {
		this.environment.withProperty("executor.named.reports.max-workers", "2");
		RegisteredNamedExecutors registered = new RegisteredNamedExecutors(new String[] { "reports" }, this.environment);
		assertThatNoException().isThrownBy(registered::afterPropertiesSet);
	}

	@Test
	void executorConfiguredAfterRegistrationShouldFailSayingToBuildAgain() {
		this.environment.withProperty("executor.named.reports.max-workers", "2")
			.withProperty("executor.named.exports.type", "thread");
		RegisteredNamedExecutors registered = new RegisteredNamedExecutors(new String[] { "reports" }, this.environment);
		assertThatExceptionOfType(InvalidExecutorPropertyException.class).isThrownBy(registered::afterPropertiesSet)
			.withMessage("Invalid value 'exports' for property 'executor.named.exports': the application was "
					+ "processed ahead of time without this executor, and the named executors of such an "
					+ "application are fixed when it is built")
			.satisfies((ex) -> assertThat(ex.getAction())
				.isEqualTo("Build the application again with this configuration, so that spring-boot:process-aot "
						+ "registers the executor, or start it without spring.aot.enabled"));
	}

	@Test
	void executorNoLongerConfiguredShouldFailSayingToBuildAgain() {
		RegisteredNamedExecutors registered = new RegisteredNamedExecutors(new String[] { "reports" }, this.environment);
		assertThatExceptionOfType(InvalidExecutorPropertyException.class).isThrownBy(registered::afterPropertiesSet)
			.withMessage("Invalid value 'null' for property 'executor.named.reports': the application was "
					+ "processed ahead of time with this executor, which is no longer configured and would run "
					+ "on the top-level settings")
			.satisfies((ex) -> assertThat(ex.getAction())
				.isEqualTo("Build the application again with this configuration, so that spring-boot:process-aot "
						+ "leaves the executor out, or configure executor.named.reports again"));
	}

}
