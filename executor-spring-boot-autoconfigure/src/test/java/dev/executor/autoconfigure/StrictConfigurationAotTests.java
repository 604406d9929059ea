package dev.executor.autoconfigure;

import dev.executor.spi.InvalidExecutorPropertyException;
import org.junit.jupiter.api.Test;

import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that the properties are checked when an application processed ahead of time
 * starts, where no registrar runs: the configuration of the start counts, not the one
 * seen when the application was processed.
 */
@CompileWithForkedClassLoader
class StrictConfigurationAotTests {

	private static final TestPropertyValues BUILD_TIME = TestPropertyValues.of("executor.named.reports.max-workers=1");

	@Test
	void unknownKeyAtStartShouldFailIt() {
		assertThatExceptionOfType(InvalidExecutorPropertyException.class)
			.isThrownBy(() -> startAheadOfTime(BUILD_TIME.and("executor.max-worker=3")))
			.withMessage("Invalid value '3' for property 'executor.max-worker': "
					+ "'max-worker' is not a key of the executor 'default'; did you mean 'max-workers'?");
	}

	@Test
	void nameAsWrittenAtStartShouldBeChecked() {
		assertThatExceptionOfType(InvalidExecutorPropertyException.class)
			.isThrownBy(() -> startAheadOfTime(BUILD_TIME.and("executor.named.Bad Name.type=thread")))
			.withMessage("Invalid value 'Bad Name' for property 'executor.named.Bad Name': "
					+ "an executor name may contain only letters, digits, '-' and '_'");
	}

	private static void startAheadOfTime(TestPropertyValues runTimeProperties) {
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName initializer;
		try (AnnotationConfigApplicationContext buildTime = new AnnotationConfigApplicationContext()) {
			BUILD_TIME.applyTo(buildTime);
			buildTime.register(StrictApplication.class);
			initializer = new ApplicationContextAotGenerator().processAheadOfTime(buildTime, generationContext);
		}
		generationContext.writeGeneratedContent();
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			try (GenericApplicationContext runTime = new GenericApplicationContext()) {
				runTimeProperties.applyTo(runTime);
				compiled.getInstance(ApplicationContextInitializer.class, initializer.toString()).initialize(runTime);
				runTime.refresh();
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class })
	static class StrictApplication {

	}

}
