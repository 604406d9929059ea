package dev.executor.autoconfigure;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.executor.spi.InvalidExecutorPropertyException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests that every misconfiguration of {@code executor.*} fails start-up naming the key
 * and the value as written, where it was written, what is wrong and how to fix it. Each
 * case is a document of {@code misconfigurations.yml}.
 */
@ExtendWith(OutputCaptureExtension.class)
class StrictConfigurationTests {

	private static final String FILE = "class path resource [misconfigurations.yml]";

	private static final String BAD_NAME = "an executor name may contain only letters, digits, '-' and '_'";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class));

	@ParameterizedTest(name = "{0}")
	@MethodSource("misconfigurations")
	void misconfigurationShouldFailStartUpNamingTheKeyAsWrittenAndItsOrigin(String misconfiguration, String property,
			String value, @Nullable String origin, String reason, String action) throws IOException {
		FailureAnalysis analysis = analyze(misconfiguration);
		assertThat(analysis.getDescription()).isEqualTo(description(property, value, origin, reason));
		assertThat(analysis.getAction()).isEqualTo(action);
	}

	static Stream<Arguments> misconfigurations() {
		return Stream.of(
				arguments("mistyped-top-level-key", "executor.max-worker", "3", at("4:15"),
						"'max-worker' is not a key of the executor 'default'; did you mean 'max-workers'?",
						"Rename executor.max-worker to executor.max-workers, or remove it"),
				arguments("mistyped-named-key", "executor.named.reports.queue-size", "10", at("11:19"),
						"'queue-size' is not a key of the executor 'reports'; did you mean 'queue-capacity'?",
						"Rename executor.named.reports.queue-size to executor.named.reports.queue-capacity, or remove it"),
				arguments("named-executor-with-only-a-mistyped-key", "executor.named.reports.max-worker", "2", at("17:19"),
						"'max-worker' is not a key of the executor 'reports'; did you mean 'max-workers'?",
						"Rename executor.named.reports.max-worker to executor.named.reports.max-workers, or remove it"),
				arguments("mistyped-nested-key", "executor.futures.max-lenght", "5", at("22:17"),
						"'futures.max-lenght' is not a key of the executor 'default'; did you mean 'futures.max-length'?",
						"Rename executor.futures.max-lenght to executor.futures.max-length, or remove it"),
				arguments("key-nothing-like-a-key", "executor.colour", "blue", at("26:11"),
						"'colour' is not a key of the executor 'default'",
						"Remove executor.colour, or replace it with one of [context.include, context.propagate, "
								+ "dashboard.enabled, dashboard.path, "
								+ "futures.jdbc.heartbeat-interval, futures.jdbc.initialize-schema, "
								+ "futures.jdbc.max-result-size, futures.jdbc.owner-timeout, futures.jdbc.poll-interval, "
								+ "futures.jdbc.resubmit-on-owner-loss, futures.jdbc.table-name, futures.max-length, futures.store, futures.time-to-live, "
								+ "hazelcast.retry-on-member-loss, max-workers, named, pool-class, "
								+ "process.class-data-sharing.directory, process.class-data-sharing.enabled, process.idle-timeout, "
								+ "process.jvm-args, process.max-tasks-per-worker, process.prestart, propagate-exceptions, "
								+ "queue-capacity, retry.delay, retry.excludes, retry.includes, retry.jitter, "
								+ "retry.max-delay, retry.max-retries, retry.multiplier, shutdown.await-termination, "
								+ "shutdown.await-termination-period, "
								+ "task-timeout, thread-name-prefix, type]"),
				arguments("name-with-a-space", "executor.named.Bad Name", "Bad Name", at("32:13"), BAD_NAME,
						"Rename the key under executor.named, for example to 'Bad-Name'"),
				arguments("name-with-an-exclamation-mark", "executor.named.bad!name", "bad!name", at("38:13"), BAD_NAME,
						"Rename the key under executor.named, for example to 'bad-name'"),
				arguments("name-with-a-dot", "executor.named.my.reports", "my.reports", at("44:13"), BAD_NAME,
						"Rename the key under executor.named, for example to 'my-reports'"),
				arguments("name-default", "executor.named.default", "default", at("50:20"),
						"the name 'default' is reserved for the executor configured by the top-level executor.* properties",
						"Configure the default executor with executor.* directly, or give the named executor another name"),
				arguments("zero-max-workers", "executor.max-workers", "0", at("54:16"),
						"must be a whole number of at least 1",
						"Set executor.max-workers to a whole number of at least 1, or remove it to use the default"),
				arguments("negative-named-max-workers", "executor.named.reports.max-workers", "-3", at("60:20"),
						"must be a whole number of at least 1", "Set executor.named.reports.max-workers to a whole "
								+ "number of at least 1, or remove it to use the default"),
				arguments("negative-top-level-value-of-a-named-executor", "executor.queue-capacity", "-1", at("64:19"),
						"must be a whole number of 0 or more",
						"Set executor.queue-capacity to a whole number of 0 or more, or remove it to use the default"),
				arguments("not-a-number", "executor.max-workers", "lots", at("71:16"), "must be a whole number",
						"Set executor.max-workers to a whole number, or remove it to use the default"),
				arguments("not-a-boolean", "executor.propagate-exceptions", "sometimes", at("75:25"),
						"must be true or false",
						"Set executor.propagate-exceptions to true or false, or remove it to use the default"),
				arguments("not-a-duration", "executor.task-timeout", "soon", at("79:17"),
						"must be a duration, such as 30s or 500ms",
						"Set executor.task-timeout to a duration, such as 30s or 500ms, or remove it to use the default"),
				arguments("negative-duration", "executor.task-timeout", "-5s", at("83:17"),
						"must be a positive duration, such as 30s",
						"Set executor.task-timeout to a positive duration, such as 30s, or remove it to use the default"),
				arguments("zero-max-tasks-per-worker", "executor.named.reports.process.max-tasks-per-worker", "0",
						at("90:31"), "must be a whole number of at least 1",
						"Set executor.named.reports.process.max-tasks-per-worker to a whole number of at least 1, "
								+ "or remove it to use the default"),
				arguments("unknown-type", "executor.type", "fibers", at("94:9"), "unknown executor type",
						"Set executor.type to one of [thread, virtual, custom, process, hazelcast], "
								+ "or declare an ExecutorBackend bean named 'fibers'"),
				arguments("unknown-futures-store", "executor.futures.store", "redis", at("99:12"),
						"must be one of [local, hazelcast, jdbc]",
						"Set executor.futures.store to one of [local, hazelcast, jdbc], or remove it to use the default"),
				arguments("unknown-context-name", "executor.context.include", "tenant", at("106:9"),
						"unknown context name, valid names are [request, security, locale, mdc, observation]",
						"Set executor.context.include to some of those names, or register a ThreadLocalAccessor "
								+ "with that key with the ContextRegistry"),
				arguments("custom-type-without-pool-class", "executor.named.pool.pool-class", "(none)", null,
						"type 'custom' needs a pool class", "Set executor.named.pool.pool-class to the fully "
								+ "qualified name of a class that implements java.util.concurrent.ExecutorService"),
				arguments("pool-class-that-does-not-exist", "executor.pool-class", "com.example.MissingPool",
						at("117:15"), "the class cannot be found",
						"Check the class name for typos and that the class is on the application's classpath"),
				arguments("class-data-sharing-not-a-boolean", "executor.process.class-data-sharing.enabled",
						"sometimes", at("123:16"), "must be true or false", "Set executor.process.class-data-sharing."
								+ "enabled to true or false, or remove it to use the default"));
	}

	@Test
	void unknownKeyOfASystemPropertyShouldFailStartUp() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
						new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
								Map.of("executor.max-worker", "3"))))
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InvalidExecutorPropertyException.class)
				.hasMessage("Invalid value '3' for property 'executor.max-worker': "
						+ "'max-worker' is not a key of the executor 'default'; did you mean 'max-workers'?"));
	}

	@Test
	void unknownKeyOfAnEnvironmentVariableShouldOnlyBeWarnedAbout(CapturedOutput output) {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("EXECUTOR_NUMBER", "7"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Ignoring \"EXECUTOR_NUMBER\" from property source \"systemEnvironment\": "
						+ "executor.number is not an executor property");
			});
	}

	@Test
	void failureReportOfAnApplicationShouldShowTheFileAndLineOfAnUnknownKey(CapturedOutput output) {
		runApplication("strict-configuration.yml");
		assertThat(output).contains(report(description("executor.named.reports.queue-size", "10",
				"class path resource [strict-configuration.yml] - 5:19",
				"'queue-size' is not a key of the executor 'reports'; did you mean 'queue-capacity'?"),
				"Rename executor.named.reports.queue-size to executor.named.reports.queue-capacity, or remove it"));
	}

	@Test
	void failureReportOfAnApplicationShouldShowTheFileAndLineOfABadValue(CapturedOutput output) {
		runApplication("bad-value.yml");
		assertThat(output).contains(report(
				description("executor.named.reports.task-timeout", "-5s",
						"class path resource [bad-value.yml] - 4:21", "must be a positive duration, such as 30s"),
				"Set executor.named.reports.task-timeout to a positive duration, such as 30s, or remove it to use "
						+ "the default"));
	}

	private static void runApplication(String configuration) {
		SpringApplication application = new SpringApplication(StrictApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--spring.config.location=classpath:" + configuration));
	}

	private static String report(String description, String action) {
		return String.format("Description:%n%n%s%n%nAction:%n%n%s%n", description, action);
	}

	private FailureAnalysis analyze(String misconfiguration) throws IOException {
		PropertySource<?> source = document(misconfiguration);
		AtomicReference<Environment> environment = new AtomicReference<>();
		AtomicReference<FailureAnalysis> analysis = new AtomicReference<>();
		this.contextRunner.withInitializer((context) -> {
			context.getEnvironment().getPropertySources().addFirst(source);
			environment.set(context.getEnvironment());
		}).run((context) -> {
			assertThat(context).hasFailed();
			analysis.set(new InvalidExecutorPropertyFailureAnalyzer(environment.get())
				.analyze(context.getStartupFailure()));
		});
		assertThat(analysis.get()).isNotNull();
		return analysis.get();
	}

	private static String at(String lineAndColumn) {
		return FILE + " - " + lineAndColumn;
	}

	private static String description(String property, String value, @Nullable String origin, String reason) {
		String originLine = (origin != null) ? String.format("    Origin:   %s%n", origin) : "";
		return String.format("Invalid executor configuration:%n%n    Property: %s%n    Value:    %s%n%s    Reason:   %s",
				property, value, originLine, reason);
	}

	private static PropertySource<?> document(String misconfiguration) throws IOException {
		List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("misconfigurations.yml",
				new ClassPathResource("misconfigurations.yml"));
		return documents.stream()
			.filter((document) -> misconfiguration.equals(document.getProperty("case")))
			.findFirst()
			.orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class })
	static class StrictApplication {

	}

}
