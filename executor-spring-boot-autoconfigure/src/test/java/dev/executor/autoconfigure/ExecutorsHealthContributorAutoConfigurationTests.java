package dev.executor.autoconfigure;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.actuate.health.ExecutorsHealthContributor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExecutorsHealthContributorAutoConfiguration}.
 */
class ExecutorsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class,
				ExecutorsHealthContributorAutoConfiguration.class));

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseTasks() {
		this.release.countDown();
	}

	@Test
	void contributorShouldReportEveryExecutorByNameWithItsFigures() {
		this.contextRunner.withPropertyValues("executor.max-workers=2", "executor.named.reports.max-workers=1")
			.run((context) -> {
				ManagedExecutor executor = context.getBean(ManagedExecutor.class);
				executor.submitStored("done", () -> "done").get(5, TimeUnit.SECONDS);
				ExecutorsHealthContributor contributor = context.getBean(ExecutorsHealthContributor.class);
				assertThat(contributor.stream().map(HealthContributors.Entry::name)).containsExactlyInAnyOrder("default",
						"reports");
				await().untilAsserted(() -> {
					Health health = health(contributor, "default");
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("type", "thread",
							"maxWorkers", 2, "active", 0, "queued", 0, "completed", 1L, "rejected", 0L, "storedFutures",
							1));
				});
			});
	}

	@Test
	void executorThatIsShutDownShouldBeDown() {
		this.contextRunner.run((context) -> {
			context.getBean(ManagedExecutor.class).shutdown();
			Health health = health(context.getBean(ExecutorsHealthContributor.class), "default");
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "shut down");
		});
	}

	@Test
	void executorThatIsFullShouldBeDownUntilItHasRoomAgain() {
		this.contextRunner.withPropertyValues("executor.max-workers=1", "executor.queue-capacity=0").run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			executor.submit(this::startAndAwaitRelease);
			assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
			ExecutorsHealthContributor contributor = context.getBean(ExecutorsHealthContributor.class);
			assertThat(health(contributor, "default").getStatus()).isEqualTo(Status.DOWN);
			assertThat(health(contributor, "default").getDetails()).containsEntry("reason", "full");
			this.release.countDown();
			await()
				.until(() -> health(contributor, "default").getStatus(), Status.UP::equals);
		});
	}

	@Test
	void contributorWhenDisabledShouldNotBeAutoConfigured() {
		this.contextRunner.withPropertyValues("management.health.executors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ExecutorsHealthContributor.class));
	}

	@Test
	void contributorWhenHealthIsNotOnTheClasspathShouldNotBeAutoConfigured() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasSingleBean(ManagedExecutor.class)
				.doesNotHaveBean(ExecutorsHealthContributor.class));
	}

	@Test
	void contributorWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserContributorConfiguration.class)
			.run((context) -> assertThat(context).getBean(ExecutorsHealthContributor.class)
				.isSameAs(context.getBean("userContributor")));
	}

	private static Health health(ExecutorsHealthContributor contributor, String name) {
		return ((HealthIndicator) contributor.getContributor(name)).health();
	}

	private boolean startAndAwaitRelease() throws InterruptedException {
		this.started.countDown();
		return this.release.await(5, TimeUnit.SECONDS);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class,
			ExecutorsHealthContributorAutoConfiguration.class })
	static class ImportedAutoConfigurations {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserContributorConfiguration {

		@Bean
		ExecutorsHealthContributor userContributor(ManagedExecutors executors) {
			return new ExecutorsHealthContributor(executors);
		}

	}

}
