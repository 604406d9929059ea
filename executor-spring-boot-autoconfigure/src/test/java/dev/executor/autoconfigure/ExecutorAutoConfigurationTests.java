package dev.executor.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.NoSuchExecutorException;
import dev.executor.context.ContextPropagation;
import dev.executor.core.DefaultManagedExecutors;
import dev.executor.core.ExecutorBackends;
import dev.executor.core.ManagedExecutorFactory;
import dev.executor.core.TaskFailureReporter;
import dev.executor.job.JobAnnotationBeanPostProcessor;
import dev.executor.job.ResilientJobMethodsPostProcessor;
import dev.executor.spi.ExecutorBackend;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ExecutorAutoConfiguration}.
 */
class ExecutorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class));

	@Test
	void defaultExecutorShouldBeAThreadPoolInjectableByType() {
		this.contextRunner.run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			assertThat(executor.name()).isEqualTo("default");
			assertThat(executor.type()).isEqualTo("thread");
			assertThat(executor.maxWorkers()).isEqualTo(Math.min(32, Runtime.getRuntime().availableProcessors() + 4));
			assertThat(executor.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS))
				.startsWith("executor-");
		});
	}

	@Test
	void namedExecutorShouldFallBackToTopLevelKeys() {
		this.contextRunner
			.withPropertyValues("executor.max-workers=3", "executor.queue-capacity=7",
					"executor.named.reports.thread-name-prefix=rep-")
			.run((context) -> {
				ManagedExecutor reports = context.getBean(ManagedExecutors.class).get("reports");
				assertThat(reports.maxWorkers()).isEqualTo(3);
				assertThat(reports.spec().queueCapacity()).isEqualTo(7);
				assertThat(reports.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS))
					.startsWith("rep-");
			});
	}

	@Test
	void namedExecutorShouldBeInjectableByQualifier() {
		this.contextRunner.withPropertyValues("executor.named.reports.max-workers=2")
			.withUserConfiguration(QualifiedInjectionConfiguration.class)
			.run((context) -> {
				QualifiedInjectionConfiguration injected = context.getBean(QualifiedInjectionConfiguration.class);
				assertThat(injected.reports.name()).isEqualTo("reports");
				assertThat(injected.reports.maxWorkers()).isEqualTo(2);
				assertThat(injected.byType.name()).isEqualTo("default");
			});
	}

	@Test
	void registryShouldListEveryExecutor() {
		this.contextRunner.withPropertyValues("executor.named.a.max-workers=1", "executor.named.b.max-workers=1")
			.run((context) -> {
				ManagedExecutors executors = context.getBean(ManagedExecutors.class);
				assertThat(executors.names()).containsExactlyInAnyOrder("default", "a", "b");
				assertThat(executors).extracting(ManagedExecutor::name).containsExactlyInAnyOrder("default", "a", "b");
				assertThatExceptionOfType(NoSuchExecutorException.class).isThrownBy(() -> executors.get("c"))
					.withMessageStartingWith("No executor named 'c'; known executors are [");
			});
	}

	@Test
	void applicationTaskExecutorShouldSurvive() {
		this.contextRunner.withPropertyValues("executor.named.reports.max-workers=1").run((context) -> {
			assertThat(context).hasBean("applicationTaskExecutor");
			assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(ThreadPoolTaskExecutor.class);
		});
	}

	@Test
	void fullQueueShouldRejectNamingExecutorAndCapacity() {
		this.contextRunner.withPropertyValues("executor.max-workers=1", "executor.queue-capacity=1").run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			CountDownLatch release = new CountDownLatch(1);
			executor.submit(() -> release.await(5, TimeUnit.SECONDS));
			executor.submit(() -> release.await(5, TimeUnit.SECONDS));
			assertThatExceptionOfType(RejectedExecutionException.class)
				.isThrownBy(() -> executor.submit(() -> "too many"))
				.withMessage("Executor 'default' is full: all 1 workers are busy and its queue holds 1 tasks "
						+ "(queue-capacity 1); raise executor.queue-capacity or executor.max-workers, "
						+ "or submit fewer tasks at once");
			release.countDown();
		});
	}

	@Test
	void customTypeShouldUseThePoolClassWithMaxWorkers() {
		this.contextRunner
			.withPropertyValues("executor.type=custom", "executor.pool-class=" + SizedPool.class.getName(),
					"executor.max-workers=3")
			.run((context) -> {
				ManagedExecutor executor = context.getBean(ManagedExecutor.class);
				assertThat(executor.pool(ExecutorService.class).orElseThrow()).isInstanceOf(SizedPool.class);
				assertThat(executor.pool(SizedPool.class).orElseThrow().getParallelism()).isEqualTo(3);
				assertThat(executor.submit(() -> 42).get(5, TimeUnit.SECONDS)).isEqualTo(42);
			});
	}

	@Test
	void registeredBackendShouldMakeItsNameAValidType() {
		this.contextRunner.withUserConfiguration(BackendConfiguration.class)
			.withPropertyValues("executor.named.fj.type=fork-join", "executor.named.fj.max-workers=2")
			.run((context) -> {
				ManagedExecutor executor = context.getBean(ManagedExecutors.class)
					.get("fj");
				assertThat(executor.type()).isEqualTo("fork-join");
				assertThat(executor.pool(ExecutorService.class).orElseThrow()).isInstanceOf(ForkJoinPool.class);
				assertThat(executor.submit(() -> 1).get(5, TimeUnit.SECONDS)).isEqualTo(1);
			});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualTypeShouldRunTasksOnVirtualThreads() {
		this.contextRunner.withPropertyValues("executor.type=virtual", "executor.max-workers=4").run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			assertThat(executor.maxWorkers()).isEqualTo(4);
			assertThat(executor.pool(ThreadPoolExecutor.class).orElseThrow().getMaximumPoolSize()).isEqualTo(4);
			assertThat(executor.submit(() -> Thread.currentThread().toString()).get(5, TimeUnit.SECONDS))
				.startsWith("VirtualThread");
		});
	}

	@Test
	void whenUserDefinesManagedExecutorShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserExecutorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ManagedExecutor.class).hasBean("userExecutor")
				.doesNotHaveBean("managedExecutor");
			assertThat(context.getBean(ManagedExecutors.class).names()).containsExactly("user");
		});
	}

	@Test
	void whenUserDefinesManagedExecutorsShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserRegistryConfiguration.class)
			.run((context) -> assertThat(context).getBean(ManagedExecutors.class)
				.isSameAs(context.getBean("userRegistry")));
	}

	@Test
	void whenUserDefinesManagedExecutorFactoryShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserFactoryConfiguration.class)
			.run((context) -> assertThat(context).getBean(ManagedExecutorFactory.class)
				.isSameAs(context.getBean("userFactory")));
	}

	@Test
	void whenUserDefinesExecutorBackendsShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserBackendsConfiguration.class)
			.withPropertyValues("executor.type=only")
			.run((context) -> {
				assertThat(context).getBean(ExecutorBackends.class).isSameAs(context.getBean("userBackends"));
				assertThat(context.getBean(ManagedExecutor.class).type()).isEqualTo("only");
			});
	}

	@Test
	void whenUserDefinesExecutorSpecResolverShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserResolverConfiguration.class)
			.run((context) -> assertThat(context).getBean(ExecutorSpecResolver.class)
				.isSameAs(context.getBean("userResolver")));
	}

	@Test
	void whenUserDefinesTaskFailureReporterShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserFailureReporterConfiguration.class)
			.run((context) -> assertThat(context).getBean(TaskFailureReporter.class)
				.isSameAs(context.getBean("userFailureReporter")));
	}

	@Test
	void whenUserDefinesJobAnnotationBeanPostProcessorShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserJobPostProcessorConfiguration.class)
			.run((context) -> assertThat(context).getBean(JobAnnotationBeanPostProcessor.class)
				.isSameAs(context.getBean("userJobPostProcessor")));
	}

	@Test
	void whenUserDefinesResilientJobMethodsPostProcessorShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserResilientJobMethodsConfiguration.class)
			.run((context) -> assertThat(context).getBean(ResilientJobMethodsPostProcessor.class)
				.isSameAs(context.getBean("userResilientJobMethods")));
	}

	@Test
	void closingTheContextShouldLetRunningAndQueuedTasksFinishWithinTheAwaitPeriod() {
		this.contextRunner.withPropertyValues("executor.max-workers=1", "executor.shutdown.await-termination-period=30s")
			.run((context) -> {
				ManagedExecutor executor = context.getBean(ManagedExecutor.class);
				CountDownLatch release = new CountDownLatch(1);
				FutureProxy<String> running = executor.submit(() -> release.await(30, TimeUnit.SECONDS) ? "ran" : "late");
				FutureProxy<String> queued = executor.submit(() -> "queued");
				CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(executor::isShutdown);
				assertThat(running).isNotDone();
				release.countDown();
				closing.get(10, TimeUnit.SECONDS);
				assertThat(running.state()).isEqualTo(FutureState.FINISHED);
				assertThat(running.get()).isEqualTo("ran");
				assertThat(queued.get()).isEqualTo("queued");
			});
	}

	@Test
	void closingTheContextShouldCancelWhatCannotFinishWithinTheAwaitPeriod() {
		this.contextRunner.withPropertyValues("executor.max-workers=1", "executor.shutdown.await-termination-period=200ms")
			.run((context) -> {
				ManagedExecutor executor = context.getBean(ManagedExecutor.class);
				AtomicBoolean stop = new AtomicBoolean();
				CountDownLatch started = new CountDownLatch(1);
				FutureProxy<?> stubborn = executor.submit(() -> {
					started.countDown();
					while (!stop.get()) {
						Thread.onSpinWait();
					}
				});
				FutureProxy<String> queued = executor.submit(() -> "never");
				assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
				context.close();
				assertThat(stubborn.state()).isEqualTo(FutureState.CANCELLED);
				assertThat(queued.state()).isEqualTo(FutureState.CANCELLED);
				stop.set(true);
			});
	}

	@Test
	void submittingAfterCloseShouldBeRejectedNamingTheExecutor() {
		this.contextRunner.withPropertyValues("executor.named.reports.max-workers=1").run((context) -> {
			ManagedExecutor reports = context.getBean(ManagedExecutors.class).get("reports");
			context.close();
			assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> reports.submit(() -> 1))
				.withMessage("Executor 'reports' is shut down and accepts no more tasks "
						+ "(the application context is closing)");
		});
	}

	@Test
	void asyncWithAnExecutorNameShouldRunOnThatExecutorAndPlainAsyncOnApplicationTaskExecutor() {
		this.contextRunner.withPropertyValues("executor.named.reports.thread-name-prefix=reports-")
			.withUserConfiguration(AsyncConfiguration.class)
			.run((context) -> {
				AsyncService service = context.getBean(AsyncService.class);
				assertThat(service.onReports().get(5, TimeUnit.SECONDS)).startsWith("reports-");
				assertThat(service.onDefault().get(5, TimeUnit.SECONDS)).startsWith("task-");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedInjectionConfiguration {

		@Autowired
		@Qualifier("reports")
		ManagedExecutor reports;

		@Autowired
		ManagedExecutor byType;

	}

	@Configuration(proxyBeanMethods = false)
	static class BackendConfiguration {

		// tag::backend[]
		@Bean
		ExecutorBackend forkJoinBackend() {
			return ExecutorBackend.of("fork-join", (spec) -> new ForkJoinPool(spec.maxWorkers()));
		}
		// end::backend[]

	}

	@Configuration(proxyBeanMethods = false)
	static class UserExecutorConfiguration {

		@Bean
		ManagedExecutor userExecutor() {
			ManagedExecutor executor = mock(ManagedExecutor.class);
			given(executor.name()).willReturn("user");
			return executor;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistryConfiguration {

		@Bean
		ManagedExecutors userRegistry() {
			return new DefaultManagedExecutors(List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFactoryConfiguration {

		@Bean
		ManagedExecutorFactory userFactory(ExecutorBackends backends) {
			return new ManagedExecutorFactory(backends, ContextPropagation.NONE,
					new TaskFailureReporter(List.of(), (event) -> {
					}), List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFailureReporterConfiguration {

		@Bean
		TaskFailureReporter userFailureReporter() {
			return new TaskFailureReporter(List.of(), (event) -> {
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserJobPostProcessorConfiguration {

		@Bean
		static JobAnnotationBeanPostProcessor userJobPostProcessor() {
			return new JobAnnotationBeanPostProcessor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserResilientJobMethodsConfiguration {

		@Bean
		static ResilientJobMethodsPostProcessor userResilientJobMethods() {
			return new ResilientJobMethodsPostProcessor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBackendsConfiguration {

		@Bean
		ExecutorBackends userBackends() {
			return new ExecutorBackends(List.of(ExecutorBackend.of("only", (spec) -> new ForkJoinPool(1))));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolverConfiguration {

		@Bean
		ExecutorSpecResolver userResolver(ExecutorProperties properties, ExecutorBackends backends) {
			return new ExecutorSpecResolver(properties, backends);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	@Import(AsyncService.class)
	static class AsyncConfiguration {

	}

	static class AsyncService {

		@Async("reports")
		CompletableFuture<String> onReports() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		@Async
		CompletableFuture<String> onDefault() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

	public static class SizedPool extends ForkJoinPool {

		public SizedPool(int maxWorkers) {
			super(maxWorkers);
		}

	}

}
