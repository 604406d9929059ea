package dev.executor.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.executor.ExecutorBackend;
import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.NoSuchExecutorException;
import dev.executor.context.ContextPropagation;
import dev.executor.core.DelegatingManagedExecutor;
import dev.executor.core.ExecutorBackends;
import dev.executor.core.ManagedExecutorFactory;
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
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
				assertThat(((DelegatingManagedExecutor) reports).spec().queueCapacity()).isEqualTo(7);
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
				DelegatingManagedExecutor executor = (DelegatingManagedExecutor) context.getBean(ManagedExecutor.class);
				assertThat(executor.pool()).isInstanceOf(SizedPool.class);
				assertThat(((SizedPool) executor.pool()).getParallelism()).isEqualTo(3);
				assertThat(executor.submit(() -> 42).get(5, TimeUnit.SECONDS)).isEqualTo(42);
			});
	}

	@Test
	void registeredBackendShouldMakeItsNameAValidType() {
		this.contextRunner.withUserConfiguration(BackendConfiguration.class)
			.withPropertyValues("executor.named.fj.type=fork-join", "executor.named.fj.max-workers=2")
			.run((context) -> {
				DelegatingManagedExecutor executor = (DelegatingManagedExecutor) context.getBean(ManagedExecutors.class)
					.get("fj");
				assertThat(executor.type()).isEqualTo("fork-join");
				assertThat(executor.pool()).isInstanceOf(ForkJoinPool.class);
				assertThat(executor.submit(() -> 1).get(5, TimeUnit.SECONDS)).isEqualTo(1);
			});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualTypeShouldRunTasksOnVirtualThreads() {
		this.contextRunner.withPropertyValues("executor.type=virtual", "executor.max-workers=4").run((context) -> {
			DelegatingManagedExecutor executor = (DelegatingManagedExecutor) context.getBean(ManagedExecutor.class);
			assertThat(executor.maxWorkers()).isEqualTo(4);
			assertThat(((ThreadPoolExecutor) executor.pool()).getMaximumPoolSize()).isEqualTo(4);
			assertThat(executor.submit(() -> Thread.currentThread().toString()).get(5, TimeUnit.SECONDS))
				.startsWith("VirtualThread");
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

		@Bean
		ExecutorBackend forkJoinBackend() {
			return ExecutorBackend.of("fork-join", (spec) -> new ForkJoinPool(spec.maxWorkers()));
		}

	}

	public static class SizedPool extends ForkJoinPool {

		public SizedPool(int maxWorkers) {
			super(maxWorkers);
		}

	}

}
