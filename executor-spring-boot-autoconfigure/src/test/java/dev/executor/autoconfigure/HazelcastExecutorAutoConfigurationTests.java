package dev.executor.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import dev.executor.ManagedExecutor;
import dev.executor.futures.LocalStoredFutures;
import dev.executor.hazelcast.HazelcastBackend;
import dev.executor.hazelcast.HazelcastPool;
import dev.executor.hazelcast.HazelcastTasks;
import dev.executor.hazelcast.LoopbackHazelcastConfig;
import dev.executor.spi.StoredFuturesFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code hazelcast} executor type in {@link ExecutorAutoConfiguration}.
 */
class HazelcastExecutorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
				HazelcastAutoConfiguration.class, ExecutorAutoConfiguration.class))
		.withPropertyValues("executor.type=hazelcast");

	@Test
	void tasksWhenTwoApplicationsShareABootConfiguredClusterShouldRunOnTheOtherApplicationsMember() {
		ApplicationContextRunner application = this.contextRunner
			.withPropertyValues("spring.hazelcast.config=classpath:hazelcast-boot-test.yaml", "executor.max-workers=4");
		application.run((a) -> application.run((b) -> {
			UUID memberB = b.getBean(HazelcastInstance.class).getCluster().getLocalMember().getUuid();
			assertThat(b.getBean(HazelcastInstance.class).getCluster().getMembers()).hasSize(2);
			List<UUID> members = a.getBean(ManagedExecutor.class)
				.map((Integer n) -> HazelcastTasks.currentInstance().orElseThrow().getCluster().getLocalMember().getUuid(),
						List.of(1, 2, 3, 4))
				.toList();
			assertThat(Set.copyOf(members)).hasSize(2).contains(memberB);
			assertThat(pool(a.getBean(ManagedExecutor.class)).instance()).isSameAs(a.getBean(HazelcastInstance.class));
		}));
	}

	@Test
	void executorWhenApplicationHasNoHazelcastInstanceShouldStartAnEmbeddedMemberOnLoopbackOnly() {
		this.contextRunner.run((context) -> {
			HazelcastInstance instance = pool(context.getBean(ManagedExecutor.class)).instance();
			Config config = instance.getConfig();
			assertThat(config.getClusterName()).isEqualTo(LoopbackHazelcastConfig.CLUSTER_NAME);
			assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
			assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
			assertThat(config.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled()).isFalse();
			assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("127.0.0.1");
			assertThat(instance.getCluster().getLocalMember().getAddress().getHost()).isEqualTo("127.0.0.1");
			assertThat(context.getBean(ManagedExecutor.class).submit(() -> "ran").get()).isEqualTo("ran");
			context.close();
			assertThat(instance.getLifecycleService().isRunning()).isFalse();
		});
	}

	@Test
	void executorWhenApplicationHasAConfigButNotBootsHazelcastModuleShouldStartItsMemberFromThatConfig() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class))
			.withUserConfiguration(ApplicationConfigConfiguration.class)
			.withPropertyValues("executor.type=hazelcast")
			.run((context) -> {
				Config applicationConfig = context.getBean(Config.class);
				HazelcastInstance instance = pool(context.getBean(ManagedExecutor.class)).instance();
				assertThat(instance.getConfig().getClusterName()).isEqualTo(applicationConfig.getClusterName());
				assertThat(instance.getName()).isEqualTo(applicationConfig.getInstanceName());
				assertThat(context.getBean(ManagedExecutor.class).submit(() -> "ran").get()).isEqualTo("ran");
				context.close();
				assertThat(instance.getLifecycleService().isRunning()).isFalse();
			});
	}

	@Test
	void executorWhenApplicationHasAConfigAndBootsHazelcastModuleShouldUseTheInstanceBootStartsFromIt() {
		this.contextRunner.withUserConfiguration(ApplicationConfigConfiguration.class).run((context) -> {
			HazelcastInstance instance = pool(context.getBean(ManagedExecutor.class)).instance();
			assertThat(instance).isSameAs(context.getBean(HazelcastInstance.class));
			assertThat(instance.getName()).isEqualTo(context.getBean(Config.class).getInstanceName());
		});
	}

	@Test
	void backendWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(CustomBackendConfiguration.class)
			.withPropertyValues("executor.type=thread")
			.run((context) -> assertThat(context).getBean(HazelcastBackend.class)
				.isSameAs(context.getBean("customHazelcastBackend")));
	}

	@Test
	void storedFuturesFactoryWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(CustomStoredFuturesConfiguration.class)
			.withPropertyValues("executor.type=thread", "executor.futures.store=hazelcast")
			.run((context) -> {
				assertThat(context).getBean(StoredFuturesFactory.class)
					.isSameAs(context.getBean("customStoredFuturesFactory"));
				assertThat(context.getBean(ManagedExecutor.class).futures()).isInstanceOf(LocalStoredFutures.class);
			});
	}

	@Test
	void backendWhenHazelcastIsNotOnTheClasspathShouldNotBeDefined() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HazelcastInstance.class))
			.withPropertyValues("executor.type=thread")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HazelcastBackend.class));
	}

	private static HazelcastPool pool(ManagedExecutor executor) {
		return executor.pool(HazelcastPool.class).orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationConfigConfiguration {

		@Bean
		Config hazelcastConfig() {
			String name = "application-" + UUID.randomUUID();
			return LoopbackHazelcastConfig.create().setClusterName(name).setInstanceName(name + "-member");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomStoredFuturesConfiguration {

		@Bean
		StoredFuturesFactory customStoredFuturesFactory() {
			return StoredFuturesFactory.LOCAL;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomBackendConfiguration {

		@Bean
		HazelcastBackend customHazelcastBackend() {
			return new HazelcastBackend(() -> null, null);
		}

	}

}
