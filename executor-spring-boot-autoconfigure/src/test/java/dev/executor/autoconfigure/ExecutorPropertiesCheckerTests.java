package dev.executor.autoconfigure;

import java.util.Map;

import dev.executor.spi.InvalidExecutorPropertyException;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ExecutorPropertiesChecker} on its own, as it runs in an application
 * processed ahead of time, where no registrar checks the names first.
 */
class ExecutorPropertiesCheckerTests {

	@Test
	void checkShouldRejectANameAsWritten() {
		StandardEnvironment environment = environment(Map.of("executor.named.Bad Name.type", "thread"));
		assertThatExceptionOfType(InvalidExecutorPropertyException.class)
			.isThrownBy(() -> new ExecutorPropertiesChecker(environment).check())
			.withMessage("Invalid value 'Bad Name' for property 'executor.named.Bad Name': "
					+ "an executor name may contain only letters, digits, '-' and '_'");
	}

	@Test
	void checkShouldAcceptEveryWayOfWritingAKnownKey() {
		StandardEnvironment environment = environment(Map.of("executor.named.reports.maxWorkers", "2",
				"executor.named[audit].queue-capacity", "5", "executor.process.jvm-args[0]", "-Xmx64m",
				"executor.context.include", "mdc,security", "executor.named.reports.context.include[0]", "mdc",
				"executor.named.reports.shutdown.await-termination-period", "1s"));
		assertThatNoException().isThrownBy(() -> new ExecutorPropertiesChecker(environment).check());
	}

	@Test
	void checkShouldAcceptTheDashboardKeys() {
		StandardEnvironment environment = environment(
				Map.of("executor.dashboard.enabled", "true", "executor.dashboard.path", "/ops/executors"));
		assertThatNoException().isThrownBy(() -> new ExecutorPropertiesChecker(environment).check());
	}

	@Test
	void checkShouldRejectTheDashboardUnderANamedExecutor() {
		StandardEnvironment environment = environment(Map.of("executor.named.reports.dashboard.enabled", "true"));
		assertThatExceptionOfType(InvalidExecutorPropertyException.class)
			.isThrownBy(() -> new ExecutorPropertiesChecker(environment).check())
			.withMessage("Invalid value 'true' for property 'executor.named.reports.dashboard.enabled': "
					+ "'dashboard.enabled' is not a key of the executor 'reports'");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
