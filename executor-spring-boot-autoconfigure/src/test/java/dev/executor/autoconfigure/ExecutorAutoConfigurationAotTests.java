package dev.executor.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import dev.executor.Job;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.actuate.endpoint.ExecutorsEndpoint;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExecutorsDescriptor;
import dev.executor.actuate.health.ExecutorsHealthContributor;
import dev.executor.process.WorkerApplication;
import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.InvalidExecutorPropertyException;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import org.springframework.util.function.ThrowingConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests of the executor auto-configurations in an application context processed ahead of
 * time: the initializer that Spring AOT generates is compiled and started in a fresh
 * context, the way {@code spring.aot.enabled=true} starts an application.
 */
@CompileWithForkedClassLoader
class ExecutorAutoConfigurationAotTests {

	@Test
	void executorsOfEveryTypeShouldRunTasks() {
		runAheadOfTime((context) -> {
			ManagedExecutors executors = context.getBean(ManagedExecutors.class);
			assertThat(executors.names()).containsAll(expectedNames());
			for (ManagedExecutor executor : executors) {
				assertThat(executor.submit(() -> "ran").get(30, TimeUnit.SECONDS)).as(executor.name()).isEqualTo("ran");
			}
		});
	}

	@Test
	void processExecutorShouldRunTasksInAWorkerProcess() {
		runAheadOfTime((context) -> {
			ManagedExecutor isolated = context.getBean(ManagedExecutors.class).get("isolated");
			long workerPid = isolated.submit(() -> ProcessHandle.current().pid()).get(30, TimeUnit.SECONDS);
			assertThat(workerPid).isNotEqualTo(ProcessHandle.current().pid());
		});
	}

	@Test
	void namedExecutorShouldBeInjectableByQualifierOnlyWithItsBeanName() {
		runAheadOfTime((context) -> {
			QualifiedInjection injection = context.getBean(QualifiedInjection.class);
			assertThat(injection.reports().name()).isEqualTo("reports");
			assertThat(injection.byType().name()).isEqualTo(ManagedExecutor.DEFAULT_NAME);
			assertThat(context.getBean("reportsManagedExecutor")).isSameAs(injection.reports());
		});
	}

	@Test
	void jobMethodShouldRunOnTheExecutorItNames() {
		runAheadOfTime((context) -> assertThat(context.getBean(ReportJobs.class).threadName().get(30, TimeUnit.SECONDS))
			.startsWith("reports-"));
	}

	@Test
	void endpointHealthAndMetersShouldReportEveryExecutor() {
		runAheadOfTime((context) -> {
			assertThat(context.getBean(ExecutorsEndpoint.class).executors().getExecutors())
				.containsOnlyKeys(expectedNames());
			HealthIndicator isolated = (HealthIndicator) context.getBean(ExecutorsHealthContributor.class)
				.getContributor("isolated");
			assertThat(isolated).extracting(HealthIndicator::health).extracting(Health::getStatus).isEqualTo(Status.UP);
			assertThat(context.getBean(MeterRegistry.class).find("executor.completed").tag("name", "isolated").meter())
				.isNotNull();
		});
	}

	@Test
	void closingTheContextShouldShutDownNamedExecutors() {
		List<ManagedExecutor> executors = new ArrayList<>();
		runAheadOfTime((context) -> context.getBean(ManagedExecutors.class).forEach(executors::add));
		assertThat(executors).isNotEmpty().allSatisfy((executor) -> assertThat(executor.isShutdown()).isTrue());
	}

	@Test
	void executorConfiguredAfterProcessingShouldFailTheStart() {
		TestPropertyValues runTimeProperties = properties().and("executor.named.exports.type=thread");
		assertThatException().isThrownBy(() -> runAheadOfTime(runTimeProperties, (context) -> {
		}))
			.havingRootCause()
			.isInstanceOf(InvalidExecutorPropertyException.class)
			.withMessageStartingWith("Invalid value 'exports' for property 'executor.named.exports': "
					+ "the application was processed ahead of time without this executor");
	}

	@Test
	void processingShouldContributeWhatANativeImageNeeds() {
		TestGenerationContext generationContext = new TestGenerationContext();
		processAheadOfTime(generationContext);
		assertThat(generationContext.getRuntimeHints())
			.matches(RuntimeHintsPredicates.serialization().onType(WorkerApplication.class))
			.matches(RuntimeHintsPredicates.reflection().onMethodInvocation(ReportJobs.class, "threadName"))
			.matches(RuntimeHintsPredicates.reflection().onType(ExecutorsDescriptor.class))
			.matches(RuntimeHintsPredicates.reflection()
				.onType(ForkJoinPool.class)
				.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS));
	}

	private static List<String> expectedNames() {
		List<String> names = new ArrayList<>(List.of("default", "reports", "isolated", "pooled", "forked"));
		if (virtualThreadsAvailable()) {
			names.add("light");
		}
		return names;
	}

	private static boolean virtualThreadsAvailable() {
		return Runtime.version().feature() >= 21;
	}

	private static TestPropertyValues properties() {
		// without prestart only the tests that submit to 'isolated' pay for starting a worker
		TestPropertyValues properties = TestPropertyValues.of("executor.named.reports.thread-name-prefix=reports-",
				"executor.named.isolated.type=process", "executor.named.isolated.max-workers=1",
				"executor.named.isolated.process.prestart=false",
				"executor.named.pooled.type=custom", "executor.named.pooled.pool-class=" + ForkJoinPool.class.getName(),
				"executor.named.forked.type=fork-join", "management.endpoints.web.exposure.include=executors");
		return virtualThreadsAvailable() ? properties.and("executor.named.light.type=virtual") : properties;
	}

	private static ClassName processAheadOfTime(TestGenerationContext generationContext) {
		try (AnnotationConfigApplicationContext buildTime = new AnnotationConfigApplicationContext()) {
			properties().applyTo(buildTime);
			buildTime.register(AotApplication.class);
			return new ApplicationContextAotGenerator().processAheadOfTime(buildTime, generationContext);
		}
	}

	private void runAheadOfTime(ThrowingConsumer<GenericApplicationContext> assertions) {
		runAheadOfTime(properties(), assertions);
	}

	@SuppressWarnings("unchecked")
	private void runAheadOfTime(TestPropertyValues runTimeProperties,
			ThrowingConsumer<GenericApplicationContext> assertions) {
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName initializer = processAheadOfTime(generationContext);
		generationContext.writeGeneratedContent();
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			try (GenericApplicationContext runTime = new GenericApplicationContext()) {
				runTimeProperties.applyTo(runTime);
				compiled.getInstance(ApplicationContextInitializer.class, initializer.toString()).initialize(runTime);
				runTime.refresh();
				assertions.accept(runTime);
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TaskExecutionAutoConfiguration.class,
			EndpointAutoConfiguration.class, MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
			ExecutorAutoConfiguration.class, ExecutorsEndpointAutoConfiguration.class,
			ExecutorsHealthContributorAutoConfiguration.class, ExecutorMetricsAutoConfiguration.class })
	static class AotApplication {

		@Bean
		ExecutorBackend forkJoinBackend() {
			return ExecutorBackend.of("fork-join", (spec) -> new ForkJoinPool(spec.maxWorkers()));
		}

		@Bean
		ReportJobs reportJobs() {
			return new ReportJobs();
		}

		@Bean
		QualifiedInjection qualifiedInjection(@Qualifier("reports") ManagedExecutor reports, ManagedExecutor byType) {
			return new QualifiedInjection(reports, byType);
		}

	}

	static class ReportJobs {

		@Job(executor = "reports")
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

	record QualifiedInjection(ManagedExecutor reports, ManagedExecutor byType) {

	}

}
