package dev.executor.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.actuate.metrics.ExecutorMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExecutorMetricsAutoConfiguration}.
 */
class ExecutorMetricsAutoConfigurationTests {

	private static final String[] POOL_METERS = { "executor.active", "executor.queued", "executor.pool.size",
			"executor.pool.max", "executor.completed" };

	private static final String[] EXECUTOR_METERS = { "executor.futures.stored", "executor.rejected",
			"executor.tasks.retries" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
				TaskExecutorMetricsAutoConfiguration.class, ExecutorAutoConfiguration.class,
				ExecutorMetricsAutoConfiguration.class));

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseTasks() {
		this.release.countDown();
	}

	@Test
	void threadExecutorShouldPublishMicrometersExecutorMetersTaggedWithItsName() {
		this.contextRunner.withPropertyValues("executor.named.reports.max-workers=3").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertExecutorMeters(registry, "default");
			assertExecutorMeters(registry, "reports");
			assertThat(registry.get("executor.queue.remaining").tag("name", "reports").gauge()).isNotNull();
			assertThat(registry.get("executor.pool.max").tag("name", "reports").gauge().value()).isEqualTo(3);
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualExecutorShouldPublishMicrometersExecutorMetersTaggedWithItsName() {
		this.contextRunner.withPropertyValues("executor.named.light.type=virtual", "executor.named.light.max-workers=5")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertExecutorMeters(registry, "light");
				assertThat(registry.get("executor.pool.max").tag("name", "light").gauge().value()).isEqualTo(5);
			});
	}

	@Test
	void customExecutorShouldPublishTheExecutorsOwnCountsUnderMicrometersNames() {
		this.contextRunner
			.withPropertyValues("executor.named.forked.type=custom",
					"executor.named.forked.pool-class=" + ForkJoinPoolOfSize.class.getName(),
					"executor.named.forked.max-workers=2")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertExecutorMeters(registry, "forked");
				ManagedExecutor forked = context.getBean(ManagedExecutors.class).get("forked");
				forked.submit(() -> "done").get(5, TimeUnit.SECONDS);
				forked.submit(this::startAndAwaitRelease);
				assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
				assertThat(registry.get("executor.active").tag("name", "forked").gauge().value()).isEqualTo(1);
				assertThat(registry.get("executor.pool.size").tag("name", "forked").gauge().value()).isEqualTo(1);
				assertThat(registry.get("executor.pool.max").tag("name", "forked").gauge().value()).isEqualTo(2);
				await().untilAsserted(() -> assertThat(
						registry.get("executor.completed").tag("name", "forked").functionCounter().count())
					.isEqualTo(1));
				this.release.countDown();
			});
	}

	@Test
	void taskTimerShouldCountEveryOutcome() {
		this.contextRunner.withPropertyValues("executor.max-workers=2").run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			executor.submit(() -> "done");
			executor.submit(() -> {
				throw new IllegalStateException("failed");
			});
			executor.submit(() -> this.release.await(5, TimeUnit.SECONDS), Duration.ofMillis(50));
			FutureProxy<Boolean> cancelled = executor.submit(this::startAndAwaitRelease);
			assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
			cancelled.cancel(true);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			for (String outcome : new String[] { "success", "failure", "timeout", "cancelled" }) {
				await().untilAsserted(() -> assertThat(
						registry.get("executor.tasks").tags("name", "default", "outcome", outcome).timer().count())
					.isEqualTo(1));
			}
		});
	}

	@Test
	void storedFuturesGaugeShouldCountTheStoredFutures() {
		this.contextRunner.run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			executor.submitStored("a", () -> "a").get(5, TimeUnit.SECONDS);
			executor.submitStored("b", () -> "b").get(5, TimeUnit.SECONDS);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("executor.futures.stored").tag("name", "default").gauge().value()).isEqualTo(2);
		});
	}

	@Test
	void rejectedCounterShouldCountRejectedSubmissions() {
		this.contextRunner.withPropertyValues("executor.max-workers=1", "executor.queue-capacity=0").run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			executor.submit(this::startAndAwaitRelease);
			assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
			assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.submit(() -> "full"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("executor.rejected").tag("name", "default").functionCounter().count())
				.isEqualTo(1);
			this.release.countDown();
		});
	}

	@Test
	void retriesCounterShouldCountFailedAttemptsThatAnotherFollowed() {
		this.contextRunner.withPropertyValues("executor.retry.max-retries=3", "executor.retry.delay=10ms")
			.run((context) -> {
				ManagedExecutor executor = context.getBean(ManagedExecutor.class);
				AtomicInteger calls = new AtomicInteger();
				FutureProxy<String> future = executor.submit(() -> {
					if (calls.incrementAndGet() <= 2) {
						throw new IllegalStateException("failure " + calls.get());
					}
					return "done";
				});
				assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("done");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("executor.tasks.retries").tag("name", "default").functionCounter().count())
					.isEqualTo(2);
				// one outcome per task: the timer hears of the last attempt only
				await().untilAsserted(() -> assertThat(
						registry.get("executor.tasks").tags("name", "default", "outcome", "success").timer().count())
					.isOne());
				assertThat(registry.get("executor.tasks").tags("name", "default", "outcome", "failure").timer().count())
					.isZero();
			});
	}

	@Test
	void everyPoolShouldBeBoundOnceAlongsideTheApplicationTaskExecutor() {
		this.contextRunner.withPropertyValues("executor.named.reports.max-workers=1").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(Search.in(registry).name("executor.pool.max").meters())
				.extracting((meter) -> meter.getId().getTag("name"))
				.containsExactlyInAnyOrder("applicationTaskExecutor", "default", "reports");
		});
	}

	@Test
	void executorMetricsWhenThereIsNoMeterRegistryShouldNotBeAutoConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ExecutorAutoConfiguration.class,
					ExecutorMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ManagedExecutor.class)
				.doesNotHaveBean(ExecutorMetrics.class));
	}

	@Test
	void executorMetricsWhenMicrometerIsNotOnTheClasspathShouldNotBeAutoConfigured() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
			.withClassLoader(new FilteredClassLoader("io.micrometer.core", "org.springframework.boot.micrometer.metrics"))
			.run((context) -> assertThat(context).hasSingleBean(ManagedExecutor.class)
				.doesNotHaveBean(ExecutorMetrics.class));
	}

	@Test
	void executorMetricsWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserExecutorMetricsConfiguration.class).run((context) -> {
			assertThat(context).getBean(ExecutorMetrics.class).isSameAs(context.getBean("userExecutorMetrics"));
			assertThat(context.getBean("userRegistry", MeterRegistry.class).find("executor.tasks").timers())
				.isNotEmpty();
		});
	}

	private static void assertExecutorMeters(MeterRegistry registry, String name) {
		for (String meter : POOL_METERS) {
			assertThat(registry.find(meter).tag("name", name).meters()).as(meter).hasSize(1);
		}
		for (String meter : EXECUTOR_METERS) {
			assertThat(registry.find(meter).tag("name", name).meters()).as(meter).hasSize(1);
		}
		assertThat(registry.find("executor.tasks").tag("name", name).timers()).extracting(Meter::getId)
			.extracting((id) -> id.getTag("outcome"))
			.containsExactlyInAnyOrder("success", "failure", "cancelled", "timeout");
	}

	private boolean startAndAwaitRelease() throws InterruptedException {
		this.started.countDown();
		return this.release.await(5, TimeUnit.SECONDS);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class,
			ExecutorMetricsAutoConfiguration.class })
	static class ImportedAutoConfigurations {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserExecutorMetricsConfiguration {

		@Bean
		MeterRegistry userRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ExecutorMetrics userExecutorMetrics(MeterRegistry userRegistry) {
			return new ExecutorMetrics(userRegistry);
		}

	}

	public static class ForkJoinPoolOfSize extends ForkJoinPool {

		public ForkJoinPoolOfSize(int parallelism) {
			super(parallelism);
		}

	}

}
