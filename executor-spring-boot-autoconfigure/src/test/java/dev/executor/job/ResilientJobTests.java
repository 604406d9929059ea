package dev.executor.job;

import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.Jobs;
import dev.executor.ManagedExecutors;
import dev.executor.RunningTasks;
import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.framework.Advised;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.InvocationRejectedException;
import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.resilience.annotation.ConcurrencyLimit.ThrottlePolicy;
import org.springframework.resilience.annotation.ConcurrencyLimitBeanPostProcessor;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for Spring's {@link Retryable @Retryable} and {@link ConcurrencyLimit @ConcurrencyLimit}
 * on {@link Job @Job} methods: the executor retries and limits their calls.
 */
class ResilientJobTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class))
		.withPropertyValues("executor.named.partner.thread-name-prefix=partner-",
				"executor.named.partner.max-workers=8", "executor.named.single.max-workers=2", "jobs.retries=2")
		.withUserConfiguration(JobsConfiguration.class);

	@Test
	void retryableJobFailingTwiceShouldCompleteOnItsExecutorAfterThreeAttempts() {
		this.contextRunner.run((context) -> {
			FlakyJobs jobs = context.getBean(FlakyJobs.class);
			FutureProxy<String> future = jobs.failTwice();
			assertThat(future.join()).startsWith("done on partner-");
			assertThat(future.attempts()).isEqualTo(3);
			assertThat(jobs.calls()).hasValue(3);
		});
	}

	@Test
	void retryableJobShouldTakeItsMaxRetriesFromAPlaceholder() {
		this.contextRunner.run((context) -> {
			FlakyJobs jobs = context.getBean(FlakyJobs.class);
			FutureProxy<String> future = jobs.alwaysFailing();
			assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
				.havingCause()
				.withMessage("failure 3");
			assertThat(future.attempts()).isEqualTo(3);
		});
	}

	@Test
	void retryableJobShouldNotRetryAnExcludedFailure() {
		this.contextRunner.run((context) -> {
			FlakyJobs jobs = context.getBean(FlakyJobs.class);
			FutureProxy<String> future = jobs.excluded();
			assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
				.havingCause()
				.isInstanceOf(IllegalArgumentException.class);
			assertThat(future.attempts()).isEqualTo(1);
		});
	}

	@Test
	void retryableJobShouldRetryOnlyWhatItsPredicateAccepts() {
		this.contextRunner.run((context) -> {
			FlakyJobs jobs = context.getBean(FlakyJobs.class);
			assertThat(jobs.predicated("transient").join()).isEqualTo("done");
			FutureProxy<String> permanent = jobs.predicated("permanent");
			assertThatExceptionOfType(CompletionException.class).isThrownBy(permanent::join)
				.havingCause()
				.withMessage("permanent 2");
			assertThat(permanent.attempts()).isEqualTo(1);
		});
	}

	@Test
	void retryableJobWithEnableResilientMethodsShouldBeRetriedByTheExecutorOnly() {
		this.contextRunner.withUserConfiguration(ResilientMethodsConfiguration.class).run((context) -> {
			FlakyJobs jobs = context.getBean(FlakyJobs.class);
			FutureProxy<String> future = jobs.alwaysFailing();
			assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
				.havingCause()
				.withMessage("failure 3");
			assertThat(future.attempts()).isEqualTo(3);
			assertThat(jobs.calls()).hasValue(3);
		});
	}

	@Test
	void retryableMethodThatIsNotAJobShouldStillBeRetriedBySpringWithEnableResilientMethods() {
		this.contextRunner.withUserConfiguration(ResilientMethodsConfiguration.class).run((context) -> {
			FlakyJobs jobs = context.getBean(FlakyJobs.class);
			assertThat(jobs.notAJob()).isEqualTo("done after 3 calls");
		});
	}

	@Test
	void retryableJobWithAValueThatIsNotANumberShouldFailStartUp() {
		this.contextRunner.withPropertyValues("jobs.retries=lots").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(NumberFormatException.class);
			assertThat(context.getStartupFailure()).hasMessageContaining("@Retryable of @Job method "
					+ "FlakyJobs.alwaysFailing() is not valid: maxRetriesString is 'lots' (from '${jobs.retries}'), "
					+ "which is not a number");
		});
	}

	@Test
	void blockingConcurrencyLimitShouldHoldUnderTwentyConcurrentCalls() {
		this.contextRunner.run((context) -> {
			LimitedJobs jobs = context.getBean(LimitedJobs.class);
			List<Future<FutureProxy<String>>> calls = callConcurrently(20, jobs::blocking);
			List<FutureProxy<String>> futures = new ArrayList<>();
			for (Future<FutureProxy<String>> call : calls) {
				futures.add(call.get(10, TimeUnit.SECONDS));
			}
			await().until(() -> jobs.tasks().running() == 2);
			assertThat(futures).filteredOn(FutureProxy::isDone).isEmpty();
			jobs.tasks().release();
			assertThat(futures).allSatisfy((future) -> assertThat(future.join()).isEqualTo("done"));
			assertThat(jobs.tasks().mostRunning()).isEqualTo(2);
		});
	}

	@Test
	void callsWaitingForTheirLimitShouldNotHoldAWorker() {
		this.contextRunner.run((context) -> {
			LimitedJobs jobs = context.getBean(LimitedJobs.class);
			List<FutureProxy<String>> waiting = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				waiting.add(jobs.one());
			}
			await().until(() -> jobs.tasks().running() == 1);
			ManagedExecutors executors = context.getBean(ManagedExecutors.class);
			assertThat(executors.get("single").submit(() -> "other").join()).isEqualTo("other");
			assertThat(waiting).filteredOn(FutureProxy::isDone).isEmpty();
			jobs.tasks().release();
			assertThat(waiting).allSatisfy((future) -> assertThat(future.join()).isEqualTo("done"));
		});
	}

	@Test
	void rejectingConcurrencyLimitShouldRefuseExactlyTheCallsOverItUnderTwentyConcurrentCalls() {
		this.contextRunner.run((context) -> {
			LimitedJobs jobs = context.getBean(LimitedJobs.class);
			List<Future<FutureProxy<String>>> calls = callConcurrently(20, jobs::rejecting);
			int refused = 0;
			for (Future<FutureProxy<String>> call : calls) {
				try {
					call.get(10, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(InvocationRejectedException.class);
					refused++;
				}
			}
			assertThat(refused).isEqualTo(17);
			await().until(() -> jobs.tasks().running() == 3);
			jobs.tasks().release();
			await().until(() -> jobs.tasks().running() == 0);
			assertThat(jobs.tasks().mostRunning()).isEqualTo(3);
			assertThat(jobs.rejecting().join()).isEqualTo("done");
		});
	}

	@Test
	void concurrencyLimitedJobWithEnableResilientMethodsShouldBeLimitedByTheExecutorOnly() {
		this.contextRunner.withUserConfiguration(ResilientMethodsConfiguration.class).run((context) -> {
			LimitedJobs jobs = context.getBean(LimitedJobs.class);
			assertThat(springConcurrencyLimitAppliesTo(jobs, "one")).isFalse();
			assertThat(springConcurrencyLimitAppliesTo(jobs, "notAJob")).isTrue();
		});
	}

	private static boolean springConcurrencyLimitAppliesTo(Object bean, String methodName) {
		Method method = java.util.Objects.requireNonNull(ReflectionUtils.findMethod(LimitedJobs.class, methodName));
		return Arrays.stream(((Advised) bean).getAdvisors())
			.filter((advisor) -> advisor.getAdvice()
				.getClass()
				.getEnclosingClass() == ConcurrencyLimitBeanPostProcessor.class)
			.map((advisor) -> ((PointcutAdvisor) advisor).getPointcut())
			.anyMatch((pointcut) -> pointcut.getClassFilter().matches(LimitedJobs.class)
					&& pointcut.getMethodMatcher().matches(method, LimitedJobs.class));
	}

	@Test
	void concurrencyLimitBelowOneShouldFailStartUp() {
		this.contextRunner.withUserConfiguration(BadLimitConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining("@ConcurrencyLimit of @Job method "
					+ "BadLimitJobs.none() is not valid: the limit is 0; set it to 1 or more, or to -1 for no limit");
		});
	}

	// each call's outcome: the job's future, or what the call threw
	private static List<Future<FutureProxy<String>>> callConcurrently(int calls, Callable<FutureProxy<String>> call) {
		ExecutorService callers = Executors.newFixedThreadPool(calls);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<FutureProxy<String>>> submitted = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				submitted.add(callers.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			return submitted;
		}
		finally {
			callers.shutdown();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class JobsConfiguration {

		@Bean
		FlakyJobs flakyJobs() {
			return new FlakyJobs();
		}

		@Bean
		LimitedJobs limitedJobs() {
			return new LimitedJobs();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableResilientMethods
	static class ResilientMethodsConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class BadLimitConfiguration {

		@Bean
		BadLimitJobs badLimitJobs() {
			return new BadLimitJobs();
		}

	}

	static class FlakyJobs {

		final AtomicInteger calls = new AtomicInteger();

		final java.util.Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();

		AtomicInteger calls() {
			return this.calls;
		}

		@Job(executor = "partner")
		@Retryable(maxRetries = 3, delay = 10)
		public FutureProxy<String> failTwice() {
			if (this.calls.incrementAndGet() <= 2) {
				throw new IllegalStateException("failure " + this.calls.get());
			}
			return Jobs.completed("done on " + Thread.currentThread().getName());
		}

		@Job(executor = "partner")
		@Retryable(maxRetriesString = "${jobs.retries}", delay = 10)
		public FutureProxy<String> alwaysFailing() {
			throw new IllegalStateException("failure " + this.calls.incrementAndGet());
		}

		@Job(executor = "partner")
		@Retryable(excludes = IllegalArgumentException.class, maxRetries = 3, delay = 10)
		public FutureProxy<String> excluded() {
			throw new IllegalArgumentException("bad input " + this.calls.incrementAndGet());
		}

		@Job(executor = "partner")
		@Retryable(predicate = TransientOnly.class, maxRetries = 3, delay = 10)
		public FutureProxy<String> predicated(String kind) {
			if (this.failed.add(kind)) {
				throw new IllegalStateException(kind + " " + this.failed.size());
			}
			return Jobs.completed("done");
		}

		@Retryable(maxRetries = 3, delay = 10)
		public String notAJob() {
			if (this.calls.incrementAndGet() < 3) {
				throw new UncheckedIOException(new java.io.IOException("failure " + this.calls.get()));
			}
			return "done after " + this.calls.get() + " calls";
		}

	}

	static class TransientOnly implements MethodRetryPredicate {

		@Override
		public boolean shouldRetry(java.lang.reflect.Method method, Throwable throwable) {
			return throwable.getMessage() != null && throwable.getMessage().startsWith("transient");
		}

	}

	static class LimitedJobs {

		final RunningTasks tasks = new RunningTasks();

		RunningTasks tasks() {
			return this.tasks;
		}

		@Job(executor = "partner")
		@ConcurrencyLimit(2)
		public FutureProxy<String> blocking() throws InterruptedException {
			return Jobs.completed(this.tasks.blocked());
		}

		@Job(executor = "single")
		@ConcurrencyLimit(1)
		public FutureProxy<String> one() throws InterruptedException {
			return Jobs.completed(this.tasks.blocked());
		}

		@Job(executor = "partner")
		@ConcurrencyLimit(limit = 3, policy = ThrottlePolicy.REJECT)
		public FutureProxy<String> rejecting() throws InterruptedException {
			return Jobs.completed(this.tasks.blocked());
		}

		@ConcurrencyLimit(1)
		public String notAJob() {
			return "not a job";
		}

	}

	static class BadLimitJobs {

		@Job
		@ConcurrencyLimit(0)
		public FutureProxy<String> none() {
			return Jobs.completed("never");
		}

	}

}
