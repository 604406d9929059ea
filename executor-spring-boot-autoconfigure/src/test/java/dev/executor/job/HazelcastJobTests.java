package dev.executor.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.Jobs;
import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import dev.executor.hazelcast.HazelcastTasks;
import dev.executor.hazelcast.LoopbackHazelcastConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.resilience.annotation.Retryable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Job @Job} methods on a {@code hazelcast} executor: each call runs on a
 * member of the cluster, on the same bean of the application instance on that member.
 */
class HazelcastJobTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ExecutorAutoConfiguration.class))
		.withUserConfiguration(JobApplication.class)
		.withPropertyValues("executor.named.grid.type=hazelcast", "executor.named.grid.max-workers=2",
				"test.cluster=" + "executor-job-test-" + UUID.randomUUID());

	@Test
	void jobCallsWhenTwoInstancesShareAClusterShouldRunOnTheBeanOfTheInstanceOnEachMember() {
		this.contextRunner.withPropertyValues("test.instance=a")
			.run((a) -> this.contextRunner.withPropertyValues("test.instance=b").run((b) -> {
				GreetingJobs jobs = a.getBean(GreetingJobs.class);
				List<String> greetings = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					greetings.add(jobs.greet("alice").get(10, TimeUnit.SECONDS));
				}
				assertThat(new HashSet<>(greetings)).isEqualTo(Set.of("Hello alice from a on member a",
						"Hello alice from b on member b"));
			}));
	}

	@Test
	void retryableJobShouldRunAgainOnTheClusterUntilItSucceeds() {
		this.contextRunner.withPropertyValues("test.instance=a").run((a) -> {
			FutureProxy<String> flaky = a.getBean(GreetingJobs.class).flaky("bob");
			assertThat(flaky.get(10, TimeUnit.SECONDS)).isEqualTo("Hello bob from a on member a after 3 calls");
			assertThat(flaky.attempts()).isEqualTo(3);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@Import(GreetingJobs.class)
	static class JobApplication {

		@Bean(destroyMethod = "shutdown")
		HazelcastInstance hazelcastInstance(@Value("${test.cluster}") String cluster,
				@Value("${test.instance}") String instance) {
			Config config = LoopbackHazelcastConfig.create();
			config.setClusterName(cluster);
			config.setInstanceName(instance + "-" + cluster);
			config.setProperty("hazelcast.wait.seconds.before.join", "0");
			return Hazelcast.newHazelcastInstance(config);
		}

		@Bean
		Greeter greeter(@Value("${test.instance}") String instance) {
			return new Greeter(instance);
		}

	}

	record Greeter(String instance) {

		String greet(String name) {
			String member = HazelcastTasks.currentInstance().orElseThrow().getName();
			return "Hello " + name + " from " + this.instance + " on member " + member.substring(0, 1);
		}

	}

	@Job(executor = "grid")
	public static class GreetingJobs {

		private final Greeter greeter;

		private final AtomicInteger calls = new AtomicInteger();

		GreetingJobs(Greeter greeter) {
			this.greeter = greeter;
		}

		public FutureProxy<String> greet(String name) {
			return Jobs.completed(this.greeter.greet(name));
		}

		@Retryable(maxRetries = 3, delay = 10)
		public FutureProxy<String> flaky(String name) {
			int call = this.calls.incrementAndGet();
			if (call < 3) {
				throw new IllegalStateException("failure " + call);
			}
			return Jobs.completed(this.greeter.greet(name) + " after " + call + " calls");
		}

	}

}
