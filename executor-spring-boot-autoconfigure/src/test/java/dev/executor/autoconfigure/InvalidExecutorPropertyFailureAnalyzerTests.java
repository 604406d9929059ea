package dev.executor.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidExecutorPropertyFailureAnalyzer}: bad configuration fails at
 * start-up with a description naming the property and value and an action saying how to
 * fix it.
 */
class InvalidExecutorPropertyFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class));

	@Test
	void unknownTypeShouldListTheValidTypes() {
		FailureAnalysis analysis = analyze("executor.type=fibers");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.type", "fibers",
				fromTest("executor.type"), "unknown executor type"));
		assertThat(analysis.getAction()).isEqualTo(
				"Set executor.type to one of [thread, virtual, custom, process, hazelcast], or declare an ExecutorBackend bean named 'fibers'");
	}

	@Test
	void hazelcastTypeWhenHazelcastIsNotOnTheClasspathShouldNameTheDependency() {
		FailureAnalysis analysis = analyze(this.contextRunner.withClassLoader(new FilteredClassLoader(HazelcastInstance.class)),
				"executor.named.grid.type=hazelcast");
		assertThat(analysis.getDescription()).isEqualTo(
				description("executor.named.grid.type", "hazelcast",
						fromTest("executor.named.grid.type"), "Hazelcast is not on the classpath"));
		assertThat(analysis.getAction()).isEqualTo("Add the dependency com.hazelcast:hazelcast to the application, "
				+ "or set executor.named.grid.type to one of [thread, virtual, custom, process]");
	}

	@Test
	void unknownFuturesStoreShouldListTheValidStores() {
		FailureAnalysis analysis = analyze("executor.futures.store=redis");
		assertThat(analysis.getDescription())
			.isEqualTo(description("executor.futures.store", "redis",
					fromTest("executor.futures.store"), "must be one of [local, hazelcast, jdbc]"));
	}

	@Test
	void hazelcastFuturesStoreWhenHazelcastIsNotOnTheClasspathShouldNameTheDependency() {
		FailureAnalysis analysis = analyze(this.contextRunner.withClassLoader(new FilteredClassLoader(HazelcastInstance.class)),
				"executor.futures.store=hazelcast");
		assertThat(analysis.getDescription())
			.isEqualTo(description("executor.futures.store", "hazelcast",
					fromTest("executor.futures.store"), "Hazelcast is not on the classpath"));
		assertThat(analysis.getAction()).isEqualTo(
				"Add the dependency com.hazelcast:hazelcast to the application, or set executor.futures.store to 'local'");
	}

	@Test
	void maxTasksPerWorkerBelowOneShouldNameTheProperty() {
		FailureAnalysis analysis = analyze("executor.named.reports.process.max-tasks-per-worker=0");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.named.reports.process.max-tasks-per-worker", "0",
				fromTest("executor.named.reports.process.max-tasks-per-worker"),
				"must be a whole number of at least 1"));
		assertThat(analysis.getAction()).isEqualTo("Set executor.named.reports.process.max-tasks-per-worker to a "
				+ "whole number of at least 1, or remove it to use the default");
	}

	@Test
	void zeroIdleTimeoutShouldBeRejected() {
		FailureAnalysis analysis = analyze("executor.process.idle-timeout=0s");
		assertThat(analysis.getDescription())
			.isEqualTo(description("executor.process.idle-timeout", "0s",
					fromTest("executor.process.idle-timeout"), "must be a positive duration, such as 30s"));
	}

	@Test
	void classDataSharingDirectoryThatIsAFileShouldBeRejected(@TempDir Path tempDir) throws IOException {
		Path file = Files.createFile(tempDir.resolve("archives"));
		FailureAnalysis analysis = analyze("executor.process.class-data-sharing.directory=" + file);
		assertThat(analysis.getDescription()).isEqualTo(description("executor.process.class-data-sharing.directory",
				file.toString(), fromTest("executor.process.class-data-sharing.directory"),
				"must be a directory, not a file"));
		assertThat(analysis.getAction()).isEqualTo("Set executor.process.class-data-sharing.directory to a "
				+ "directory, not a file, or remove it to use the default");
	}

	@Test
	void maxWorkersBelowOneShouldNameTheProperty() {
		FailureAnalysis analysis = analyze("executor.max-workers=0");
		assertThat(analysis.getDescription())
			.isEqualTo(description("executor.max-workers", "0",
					fromTest("executor.max-workers"), "must be a whole number of at least 1"));
		assertThat(analysis.getAction())
			.isEqualTo("Set executor.max-workers to a whole number of at least 1, or remove it to use the default");
	}

	@Test
	void badTopLevelValueShouldBeReportedUnderTheTopLevelPropertyForANamedExecutor() {
		FailureAnalysis analysis = analyze("executor.queue-capacity=-1", "executor.named.reports.max-workers=2");
		assertThat(analysis.getDescription())
			.isEqualTo(description("executor.queue-capacity", "-1",
					fromTest("executor.queue-capacity"), "must be a whole number of 0 or more"));
	}

	@Test
	void badNamedValueShouldNameTheNamedProperty() {
		FailureAnalysis analysis = analyze("executor.named.reports.max-workers=-3");
		assertThat(analysis.getDescription())
			.isEqualTo(description("executor.named.reports.max-workers", "-3",
					fromTest("executor.named.reports.max-workers"), "must be a whole number of at least 1"));
	}

	@Test
	void negativeTaskTimeoutShouldBeRejected() {
		FailureAnalysis analysis = analyze("executor.task-timeout=-5s");
		assertThat(analysis.getDescription())
			.isEqualTo(description("executor.task-timeout", "-5s",
					fromTest("executor.task-timeout"), "must be a positive duration, such as 30s"));
		assertThat(analysis.getAction()).isEqualTo(
				"Set executor.task-timeout to a positive duration, such as 30s, or remove it to use the default");
	}

	@Test
	void negativeTimeToLiveShouldBeRejected() {
		FailureAnalysis analysis = analyze("executor.named.jobs.futures.time-to-live=-1m");
		assertThat(analysis.getDescription()).isEqualTo(
				description("executor.named.jobs.futures.time-to-live", "-1m",
						fromTest("executor.named.jobs.futures.time-to-live"),
						"must be a positive duration, such as 30s"));
	}

	@Test
	void negativeAwaitTerminationPeriodShouldBeRejected() {
		FailureAnalysis analysis = analyze("executor.shutdown.await-termination-period=-1s");
		assertThat(analysis.getDescription()).isEqualTo(
				description("executor.shutdown.await-termination-period", "-1s",
						fromTest("executor.shutdown.await-termination-period"), "must be a duration of 0s or more"));
	}

	@Test
	void negativeFuturesMaxLengthShouldBeRejected() {
		FailureAnalysis analysis = analyze("executor.futures.max-length=-1");
		assertThat(analysis.getDescription())
			.isEqualTo(description("executor.futures.max-length", "-1",
					fromTest("executor.futures.max-length"), "must be a whole number of 0 or more"));
	}

	@Test
	void nameWithInvalidCharactersShouldSuggestAValidOne() {
		FailureAnalysis analysis = analyze("executor.named.[my pool].max-workers=2");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.named.my pool", "my pool",
				fromTest("executor.named.[my pool].max-workers"),
				"an executor name may contain only letters, digits, '-' and '_'"));
		assertThat(analysis.getAction()).isEqualTo("Rename the key under executor.named, for example to 'my-pool'");
	}

	@Test
	void nameDefaultShouldBeReserved() {
		FailureAnalysis analysis = analyze("executor.named.default.max-workers=2");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.named.default", "default",
				fromTest("executor.named.default.max-workers"),
				"the name 'default' is reserved for the executor configured by the top-level executor.* properties"));
	}

	@Test
	void customTypeWithoutPoolClassShouldAskForOne() {
		FailureAnalysis analysis = analyze("executor.type=custom");
		assertThat(analysis.getDescription())
			.isEqualTo(description("executor.pool-class", "(none)", "type 'custom' needs a pool class"));
		assertThat(analysis.getAction()).isEqualTo(
				"Set executor.pool-class to the fully qualified name of a class that implements java.util.concurrent.ExecutorService");
	}

	@Test
	void customTypeWithMissingPoolClassShouldSaySo() {
		FailureAnalysis analysis = analyze("executor.type=custom", "executor.pool-class=com.example.Missing");
		assertThat(analysis.getDescription())
			.isEqualTo(description("executor.pool-class", "com.example.Missing",
					fromTest("executor.pool-class"), "the class cannot be found"));
		assertThat(analysis.getAction())
			.isEqualTo("Check the class name for typos and that the class is on the application's classpath");
	}

	@Test
	void customTypeWithPoolClassThatIsNoExecutorServiceShouldSaySo() {
		FailureAnalysis analysis = analyze("executor.type=custom", "executor.pool-class=java.lang.String");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.pool-class", "java.lang.String",
				fromTest("executor.pool-class"), "the class does not implement java.util.concurrent.ExecutorService"));
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualTypeBeforeJava21ShouldNameTheRunningJavaVersion() {
		FailureAnalysis analysis = analyze("executor.type=virtual");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.type", "virtual",
				fromTest("executor.type"), "virtual threads need Java 21 or later, but the application runs on Java "
						+ System.getProperty("java.version")));
		assertThat(analysis.getAction())
			.isEqualTo("Run the application on Java 21 or later, or set executor.type to 'thread'");
	}

	@Test
	void negativeMaxRetriesShouldBeRejected() {
		FailureAnalysis analysis = analyze("executor.retry.max-retries=-1");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.retry.max-retries", "-1",
				fromTest("executor.retry.max-retries"), "must be a whole number of 0 or more"));
		assertThat(analysis.getAction()).isEqualTo(
				"Set executor.retry.max-retries to a whole number of 0 or more, or remove it to use the default");
	}

	@Test
	void negativeRetryDelayShouldBeRejected() {
		FailureAnalysis analysis = analyze("executor.named.reports.retry.delay=-1s");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.named.reports.retry.delay", "-1s",
				fromTest("executor.named.reports.retry.delay"), "must be a duration of 0s or more"));
	}

	@Test
	void retryMultiplierBelowOneShouldBeRejected() {
		FailureAnalysis analysis = analyze("executor.retry.multiplier=0.5");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.retry.multiplier", "0.5",
				fromTest("executor.retry.multiplier"), "must be a number of 1.0 or more"));
		assertThat(analysis.getAction()).isEqualTo(
				"Set executor.retry.multiplier to a number of 1.0 or more, or remove it to use the default");
	}

	@Test
	void retryIncludesWithAMissingClassShouldSaySo() {
		FailureAnalysis analysis = analyze("executor.retry.includes=com.example.NoSuchException");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.retry.includes",
				"com.example.NoSuchException", fromTest("executor.retry.includes"), "no such class on the classpath"));
		assertThat(analysis.getAction()).isEqualTo("Set executor.retry.includes to fully qualified names of "
				+ "exception classes, such as java.io.IOException");
	}

	@Test
	void retryExcludesWithAClassThatIsNoExceptionShouldSaySo() {
		FailureAnalysis analysis = analyze("executor.named.reports.retry.excludes=java.lang.String");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.named.reports.retry.excludes",
				"java.lang.String", fromTest("executor.named.reports.retry.excludes"),
				"the class is not an exception"));
		assertThat(analysis.getAction()).isEqualTo("Set executor.named.reports.retry.excludes to names of classes "
				+ "that extend Throwable, such as java.io.IOException");
	}

	@Test
	void jdbcFuturesStoreWithoutDataSourceShouldSayWhatToAdd() {
		FailureAnalysis analysis = analyze("executor.futures.store=jdbc");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.futures.store", "jdbc",
				fromTest("executor.futures.store"), "the application has no DataSource"));
		assertThat(analysis.getAction()).isEqualTo("Set spring.datasource.url to your database (with its driver on "
				+ "the classpath), or define a DataSource bean, or set executor.futures.store to 'local'");
	}

	@Test
	void jdbcFuturesStoreWhenSpringJdbcIsNotOnTheClasspathShouldNameTheDependency() {
		FailureAnalysis analysis = analyze(this.contextRunner.withClassLoader(new FilteredClassLoader(JdbcClient.class)),
				"executor.named.reports.futures.store=jdbc");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.named.reports.futures.store", "jdbc",
				fromTest("executor.named.reports.futures.store"), "Spring JDBC is not on the classpath"));
		assertThat(analysis.getAction()).isEqualTo("Add the dependency org.springframework.boot:spring-boot-starter-jdbc "
				+ "and the driver of your database to the application, or set executor.named.reports.futures.store "
				+ "to 'local'");
	}

	@Test
	void jdbcTableNameThatIsNotANameShouldSayWhatANameIs() {
		FailureAnalysis analysis = analyze("executor.futures.jdbc.table-name=futures; DROP TABLE USERS");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.futures.jdbc.table-name",
				"futures; DROP TABLE USERS", fromTest("executor.futures.jdbc.table-name"), "must be letters, digits "
						+ "and underscores, starting with a letter and at most 50 long, such as EXECUTOR_FUTURES"));
	}

	@Test
	void jdbcHeartbeatIntervalNotShorterThanTheOwnerTimeoutShouldNameTheTimeout() {
		FailureAnalysis analysis = analyze("executor.futures.jdbc.owner-timeout=10s",
				"executor.named.reports.futures.jdbc.heartbeat-interval=10s");
		assertThat(analysis.getDescription()).isEqualTo(description("executor.named.reports.futures.jdbc.heartbeat-interval",
				"10s", fromTest("executor.named.reports.futures.jdbc.heartbeat-interval"),
				"must be shorter than executor.futures.jdbc.owner-timeout (10s)"));
	}

	private FailureAnalysis analyze(String... properties) {
		return analyze(this.contextRunner, properties);
	}

	private FailureAnalysis analyze(ApplicationContextRunner contextRunner, String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		AtomicReference<Environment> environment = new AtomicReference<>();
		contextRunner.withInitializer((context) -> environment.set(context.getEnvironment()))
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasFailed();
				analysis[0] = new InvalidExecutorPropertyFailureAnalyzer(environment.get())
					.analyze(context.getStartupFailure());
			});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	private static String description(String property, String value, String reason) {
		return String.format("Invalid executor configuration:%n%n    Property: %s%n    Value:    %s%n    Reason:   %s",
				property, value, reason);
	}

	private static String description(String property, String value, String origin, String reason) {
		return String.format(
				"Invalid executor configuration:%n%n    Property: %s%n    Value:    %s%n    Origin:   %s%n    Reason:   %s",
				property, value, origin, reason);
	}

	private static String fromTest(String key) {
		return "\"" + key + "\" from property source \"test\"";
	}

}
