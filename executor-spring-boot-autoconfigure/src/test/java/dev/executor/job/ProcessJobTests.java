package dev.executor.job;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.Jobs;
import dev.executor.TaskNotSerializableException;
import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import dev.executor.process.WorkerApplication;
import dev.executor.process.WorkerMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.slf4j.MDC;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Job @Job} methods on a {@code process} executor: each call runs in a
 * worker process, on the same bean of the worker's own application context. The tests
 * share one application whose executor has one worker.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ProcessJobTests {

	private ConfigurableApplicationContext context;

	private GreetingJobs jobs;

	@BeforeAll
	void startApplication() {
		this.context = new SpringApplicationBuilder(JobApplication.class).web(WebApplicationType.NONE)
			.properties("executor.named.isolated.type=process", "executor.named.isolated.max-workers=1")
			.run();
		this.jobs = this.context.getBean(GreetingJobs.class);
	}

	@AfterAll
	void closeApplication() {
		this.context.close();
	}

	@Test
	void jobShouldRunInAWorkerProcessWithTheBeansOfItsOwnContext() throws Exception {
		String greeting = this.jobs.greet("alice").get(60, TimeUnit.SECONDS);
		assertThat(greeting).startsWith("Hello alice from process ")
			.doesNotEndWith(" " + ProcessHandle.current().pid());
	}

	@Test
	void jobShouldRunInTheWorkersOwnThreadInAContextWithoutWebServerAndWithTheWorkerProfile() throws Exception {
		Whereabouts where = this.jobs.whereAmI().get(60, TimeUnit.SECONDS);
		assertThat(where.thread()).startsWith("isolated-worker-");
		assertThat(where.web()).isFalse();
		assertThat(where.profiles()).contains(WorkerApplication.PROFILE);
	}

	@Test
	void mdcShouldTravelIntoTheJob() throws Exception {
		MDC.put("requestId", "7");
		try {
			assertThat(this.jobs.requestId().get(60, TimeUnit.SECONDS)).isEqualTo("7");
		}
		finally {
			MDC.clear();
		}
	}

	@Test
	void jobFailureShouldComeBackWithItsClassAndMessage() {
		CompletableFuture<String> failing = this.jobs.fail();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> failing.get(60, TimeUnit.SECONDS))
			.havingCause()
			.isExactlyInstanceOf(IllegalStateException.class)
			.withMessage("failed in a worker");
	}

	@Test
	void retryableJobShouldRunAgainInAWorkerProcessUntilItSucceeds() throws Exception {
		FutureProxy<String> flaky = this.jobs.flaky("retried");
		assertThat(flaky.get(60, TimeUnit.SECONDS)).startsWith("retried after 3 calls in process ")
			.doesNotEndWith(" " + ProcessHandle.current().pid());
		assertThat(flaky.attempts()).isEqualTo(3);
	}

	@Test
	void jobArgumentThatCannotBeSerialisedShouldBeRejectedAtTheCall() {
		assertThatExceptionOfType(TaskNotSerializableException.class)
			.isThrownBy(() -> this.jobs.describe(new Object()))
			.withMessage("Task for executor 'isolated' cannot be sent to a worker process: java.lang.Object is not "
					+ "serializable; make it implement java.io.Serializable, or capture only serializable values");
	}

	@Test
	void jobOnAProcessExecutorWithoutAnApplicationClassShouldFailAtStartUp() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ExecutorAutoConfiguration.class))
			.withUserConfiguration(PlainConfiguration.class)
			.withPropertyValues("executor.named.isolated.type=process", "executor.named.isolated.max-workers=1")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("@Job method GreetingJobs.describe(Object) runs on process executor 'isolated', whose "
						+ "worker processes create the job's bean from the application's @SpringBootConfiguration "
						+ "class, but the application has none; start it from a @SpringBootApplication class"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ GreetingJobs.class, Greeter.class })
	static class JobApplication {

		@Bean
		CommandLineRunner notInWorkers() {
			return (args) -> {
				if (WorkerMain.isWorkerProcess()) {
					throw new IllegalStateException("Runners must not run in worker processes");
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ GreetingJobs.class, Greeter.class })
	static class PlainConfiguration {

	}

	static class Greeter {

		String greet(String name) {
			return "Hello " + name + " from process " + ProcessHandle.current().pid();
		}

	}

	@Job(executor = "isolated")
	public static class GreetingJobs {

		// counts the calls of each worker process
		private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

		private final Greeter greeter;

		private final ApplicationContext context;

		GreetingJobs(Greeter greeter, ApplicationContext context) {
			this.greeter = greeter;
			this.context = context;
		}

		public FutureProxy<String> greet(String name) {
			return Jobs.completed(this.greeter.greet(name));
		}

		public CompletableFuture<Whereabouts> whereAmI() {
			return CompletableFuture.completedFuture(new Whereabouts(Thread.currentThread().getName(),
					List.of(this.context.getEnvironment().getActiveProfiles()),
					this.context instanceof WebApplicationContext));
		}

		public CompletableFuture<String> requestId() {
			return CompletableFuture.completedFuture(MDC.get("requestId"));
		}

		public CompletableFuture<String> fail() {
			throw new IllegalStateException("failed in a worker");
		}

		@Retryable(maxRetries = 3, delay = 10)
		public FutureProxy<String> flaky(String name) {
			int call = CALLS.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
			if (call < 3) {
				throw new IllegalStateException("failure " + call);
			}
			return Jobs.completed(name + " after " + call + " calls in process " + ProcessHandle.current().pid());
		}

		public CompletableFuture<String> describe(Object value) {
			return CompletableFuture.completedFuture(value.toString());
		}

	}

	record Whereabouts(String thread, List<String> profiles, boolean web) implements Serializable {

	}

}
