package dev.executor.job;

import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.Jobs;
import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import dev.executor.spi.ApplicationContextSource;
import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.RemoteTaskPool;
import dev.executor.spi.TaskAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link dev.executor.Job @Job} methods on an executor whose pool is a
 * {@link RemoteTaskPool} other than the built-in ones: the call travels as a job call and
 * runs on the bean of the application context the pool names.
 */
class RemoteTaskPoolJobTests {

	// stands for the application context where the pool's tasks arrive
	private static final AnnotationConfigApplicationContext elsewhere = new AnnotationConfigApplicationContext();

	static {
		elsewhere.registerBean(GreetingJobs.class, () -> new GreetingJobs("Hello from elsewhere"));
		elsewhere.refresh();
	}

	private static final CopyOnWriteArrayList<String> adapted = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ExecutorAutoConfiguration.class))
		.withPropertyValues("executor.named.remote.type=elsewhere");

	@AfterEach
	void reset() {
		adapted.clear();
	}

	@Test
	void jobCallShouldRunOnTheBeanOfTheContextThePoolNames() {
		this.contextRunner.withUserConfiguration(ElsewhereConfiguration.class).run((context) -> {
			FutureProxy<String> greeting = context.getBean(GreetingJobs.class).greet("Ada");
			assertThat(greeting.get(5, TimeUnit.SECONDS)).isEqualTo("Hello from elsewhere, Ada");
			assertThat(adapted).containsExactly("JobCall[RemoteTaskPoolJobTests.GreetingJobs.greet]");
		});
	}

	@Test
	void poolThatCannotRunJobsShouldFailStartUpNamingTheJobAndWhy() {
		this.contextRunner.withUserConfiguration(ElsewhereConfiguration.class)
			.withPropertyValues("elsewhere.jobs=false")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("@Job method GreetingJobs.greet(String) runs on elsewhere executor 'remote', which "
						+ "knows no application context to run jobs in; set elsewhere.jobs"));
	}

	@Configuration(proxyBeanMethods = false)
	static class ElsewhereConfiguration {

		@Bean
		ExecutorBackend elsewhere(Environment environment) {
			boolean jobs = environment.getProperty("elsewhere.jobs", Boolean.class, true);
			return ExecutorBackend.of("elsewhere", (spec) -> new ElsewherePool(jobs));
		}

		@Bean
		GreetingJobs greetingJobs() {
			return new GreetingJobs("Hello from here");
		}

	}

	/**
	 * Runs its tasks in this JVM, but like a pool that sends them away: job calls find
	 * their bean in the context it names.
	 */
	static class ElsewherePool extends ThreadPoolExecutor implements TaskAdapter, RemoteTaskPool {

		private final boolean jobs;

		ElsewherePool(boolean jobs) {
			super(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
			this.jobs = jobs;
		}

		@Override
		public <T> Callable<T> adapt(Callable<T> task) {
			adapted.add(task.toString());
			return task;
		}

		@Override
		public ApplicationContextSource jobContext(ConfigurableListableBeanFactory beanFactory) {
			if (!this.jobs) {
				throw new IllegalStateException("which knows no application context to run jobs in; set elsewhere.jobs");
			}
			return () -> elsewhere;
		}

	}

	static class GreetingJobs {

		private final String greeting;

		GreetingJobs(String greeting) {
			this.greeting = greeting;
		}

		@Job(executor = "remote")
		public FutureProxy<String> greet(String name) {
			return Jobs.completed(this.greeting + ", " + name);
		}

	}

}
