package dev.executor.autoconfigure;

import dev.executor.Job;
import dev.executor.NoSuchExecutorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NoSuchExecutorFailureAnalyzer}: a {@link Job @Job} method that names
 * an executor that does not exist fails start-up with a report, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSuchExecutorFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class))
		.withPropertyValues("executor.named.reports.max-workers=1");

	@Test
	void jobNamingAMissingExecutorShouldBeExplainedWithTheKnownExecutors() {
		FailureAnalysis analysis = analyze(MissingExecutorJobConfiguration.class);
		assertThat(analysis.getDescription()).isEqualTo("@Job method MissingExecutorJob.run() names the executor "
				+ "'audit', which does not exist; known executors are [default, reports]");
		assertThat(analysis.getAction()).isEqualTo("Name one of the executors [default, reports], or configure an "
				+ "executor named 'audit' with executor.named.audit.* properties, for example "
				+ "executor.named.audit.type=thread");
	}

	@Test
	void jobNamingAnExecutorCloseToAKnownOneShouldSuggestIt() {
		FailureAnalysis analysis = analyze(MistypedExecutorJobConfiguration.class);
		assertThat(analysis.getAction()).isEqualTo("Did you mean 'reports'? Name one of the executors "
				+ "[default, reports], or configure an executor named 'report' with executor.named.report.* "
				+ "properties, for example executor.named.report.type=thread");
	}

	@Test
	void applicationWithAJobNamingAMissingExecutorShouldReportItInsteadOfAStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplication(JobApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(NoSuchExecutorException.class).isThrownBy(application::run);
		assertThat(output).contains(String.format("Description:%n%n@Job method MissingExecutorJob.run() names the "
				+ "executor 'audit', which does not exist; known executors are [default]%n%nAction:%n%nName one of "
				+ "the executors [default], or configure an executor named 'audit' with executor.named.audit.* "
				+ "properties, for example executor.named.audit.type=thread%n"));
	}

	private FailureAnalysis analyze(Class<?> configuration) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withUserConfiguration(configuration).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new NoSuchExecutorFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class })
	@Import(MissingExecutorJobConfiguration.class)
	static class JobApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingExecutorJobConfiguration {

		@Bean
		MissingExecutorJob missingExecutorJob() {
			return new MissingExecutorJob();
		}

	}

	static class MissingExecutorJob {

		@Job(executor = "audit")
		public void run() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MistypedExecutorJobConfiguration {

		@Bean
		MistypedExecutorJob mistypedExecutorJob() {
			return new MistypedExecutorJob();
		}

	}

	static class MistypedExecutorJob {

		@Job(executor = "report")
		public void run() {
		}

	}

}
