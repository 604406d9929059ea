package dev.executor.job;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.DoneCallback;
import dev.executor.DuplicateFutureKeyException;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.Job;
import dev.executor.JobKey;
import dev.executor.Jobs;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.NoSuchExecutorException;
import dev.executor.TaskFailedEvent;
import dev.executor.TaskFailureHandler;
import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JobAnnotationBeanPostProcessor}: calling a {@link Job} method submits
 * it to its executor.
 */
@ExtendWith(OutputCaptureExtension.class)
class JobAnnotationBeanPostProcessorTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ExecutorAutoConfiguration.class))
		.withPropertyValues("executor.named.reports.thread-name-prefix=reports-",
				"executor.named.reports.max-workers=2");

	@Test
	void futureProxyJobShouldReturnTheLiveFutureOfATaskOnItsExecutor() {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class).run((context) -> {
			ReportJobs jobs = context.getBean(ReportJobs.class);
			CountDownLatch release = new CountDownLatch(1);
			FutureProxy<String> future = jobs.render("sales", release);
			assertThat(future.executorName()).isEqualTo("reports");
			Awaitility.await().until(() -> future.state() == FutureState.RUNNING);
			release.countDown();
			assertThat(future.get(5, TimeUnit.SECONDS)).startsWith("sales on reports-");
		});
	}

	@Test
	void completableFutureJobShouldRunOnTheDefaultExecutor() {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class).run((context) -> {
			CompletableFuture<String> future = context.getBean(ReportJobs.class).threadName();
			assertThat(future).isInstanceOf(FutureProxy.class);
			assertThat(future.get(5, TimeUnit.SECONDS)).startsWith("executor-");
		});
	}

	@Test
	void futureJobShouldUnwrapTheResultOfItsBody() {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class).run((context) -> {
			Future<Integer> future = context.getBean(ReportJobs.class).length("abcd");
			assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo(4);
		});
	}

	@Test
	void keyExpressionShouldStoreTheFutureUnderItsValue() {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class).run((context) -> {
			FutureProxy<String> future = context.getBean(ReportJobs.class).stored("q3", 7);
			assertThat(future.key()).contains("report-q3-7");
			ManagedExecutor reports = context.getBean(ManagedExecutors.class).get("reports");
			assertThat(reports.futures().<String>get("report-q3-7")).containsSame(future);
			assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("q3/7");
		});
	}

	@Test
	void jobKeyParameterShouldChooseTheKeyAtTheCallSite() {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class).run((context) -> {
			FutureProxy<String> future = context.getBean(ReportJobs.class).keyed("my-key", "payload");
			assertThat(future.key()).contains("my-key");
			assertThat(context.getBean(ManagedExecutor.class).futures().contains("my-key")).isTrue();
			assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("payload");
		});
	}

	@Test
	void duplicateKeyShouldBeRejectedBeforeTheMethodRuns() {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class).run((context) -> {
			ReportJobs jobs = context.getBean(ReportJobs.class);
			CountDownLatch release = new CountDownLatch(1);
			FutureProxy<String> first = jobs.blockingKeyed("same", release);
			assertThatExceptionOfType(DuplicateFutureKeyException.class)
				.isThrownBy(() -> jobs.blockingKeyed("same", release));
			release.countDown();
			first.get(5, TimeUnit.SECONDS);
			assertThat(jobs.blockingCalls()).isEqualTo(1);
		});
	}

	@Test
	void mapShouldCallTheJobForEveryItemAndYieldResultsInOrder() {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class).run((context) -> {
			ReportJobs jobs = context.getBean(ReportJobs.class);
			List<Integer> lengths = Jobs.map(List.of("a", "abc", "ab"), jobs::length).toList();
			assertThat(lengths).containsExactly(1, 3, 2);
		});
	}

	@Test
	void voidJobFailureShouldBeLoggedWithMethodAndExecutorAndHandedToHandlers(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class).run((context) -> {
			RecordingFailureHandler handler = context.getBean(RecordingFailureHandler.class);
			context.getBean(ReportJobs.class).explode("boom");
			Awaitility.await().until(() -> !handler.failures.isEmpty());
			TaskFailedEvent failure = handler.failures.get(0);
			assertThat(failure.getExecutorName()).isEqualTo("default");
			assertThat(failure.getException()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
			assertThat(output).contains("Job ReportJobs.explode(String) on executor 'default' failed")
				.contains("java.lang.IllegalStateException: boom");
		});
	}

	@Test
	void voidJobFailureOnAnExecutorThatPropagatesExceptionsShouldBeReportedOnce() {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class)
			.withPropertyValues("executor.propagate-exceptions=true")
			.run((context) -> {
				RecordingFailureHandler handler = context.getBean(RecordingFailureHandler.class);
				ReportJobs jobs = context.getBean(ReportJobs.class);
				jobs.explode("once");
				Awaitility.await().until(() -> !handler.failures.isEmpty());
				jobs.threadName().get(5, TimeUnit.SECONDS);
				jobs.threadName().get(5, TimeUnit.SECONDS);
				assertThat(handler.failures).hasSize(1);
			});
	}

	@Test
	void defaultDoneCallbacksShouldSeeJobFutures() {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class, CallbackConfiguration.class)
			.run((context) -> {
				List<FutureProxy<?>> done = context.getBean(CallbackConfiguration.class).done;
				FutureProxy<String> future = context.getBean(ReportJobs.class).stored("x", 1);
				future.get(5, TimeUnit.SECONDS);
				Awaitility.await().until(() -> done.contains(future));
			});
	}

	@Test
	void selfInvocationShouldRunSynchronouslyInTheCaller() {
		this.contextRunner.withUserConfiguration(JobsConfiguration.class).run((context) -> {
			assertThat(context.getBean(ReportJobs.class).selfInvoked()).isEqualTo(Thread.currentThread().getName());
		});
	}

	@Test
	void classLevelJobShouldMakeEveryPublicMethodAJob() {
		this.contextRunner.withUserConfiguration(ClassLevelConfiguration.class).run((context) -> {
			ClassLevelJobs jobs = context.getBean(ClassLevelJobs.class);
			assertThat(jobs.name().get(5, TimeUnit.SECONDS)).startsWith("reports-");
			assertThat(jobs.toString()).startsWith("class-level");
		});
	}

	@Test
	void jobWithAnotherReturnTypeShouldFailStartUpNamingTheMethod() {
		this.contextRunner.withUserConfiguration(BadReturnTypeConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("@Job method BadReturnType.compute() returns String; a job method must return void, "
						+ "FutureProxy, CompletableFuture or Future so that the caller does not wait for it");
		});
	}

	@Test
	void jobNamingAnUnknownExecutorShouldFailStartUpNamingTheMethodAndTheKnownExecutors() {
		this.contextRunner.withUserConfiguration(UnknownExecutorConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(NoSuchExecutorException.class)
				.hasMessage("@Job method UnknownExecutor.run() names the executor 'missing', which does not exist; "
						+ "known executors are [default, reports]");
		});
	}

	@Test
	void jobNamingAnUnknownExecutorShouldFailStartUpAlsoNextToAValidJobOfTheSameSimpleName() {
		this.contextRunner.withUserConfiguration(SameSimpleNameConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(NoSuchExecutorException.class)
				.hasMessageStartingWith("@Job method UnknownExecutor.run() names the executor 'missing'");
		});
	}

	@Test
	void shouldTellTypesWithJobMethodsFromOthers() {
		assertThat(JobAnnotationBeanPostProcessor.hasJobMethods(ReportJobs.class)).isTrue();
		assertThat(JobAnnotationBeanPostProcessor.hasJobMethods(ClassLevelJobs.class)).isTrue();
		assertThat(JobAnnotationBeanPostProcessor.hasJobMethods(BadReturnType.class)).isTrue();
		assertThat(JobAnnotationBeanPostProcessor.hasJobMethods(RecordingFailureHandler.class)).isFalse();
		assertThat(JobAnnotationBeanPostProcessor.hasJobMethods(String.class)).isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	static class JobsConfiguration {

		@Bean
		ReportJobs reportJobs() {
			return new ReportJobs();
		}

		@Bean
		RecordingFailureHandler recordingFailureHandler() {
			return new RecordingFailureHandler();
		}

	}

	static class ReportJobs {

		final AtomicInteger blockingCalls = new AtomicInteger();

		@Job(executor = "reports")
		public FutureProxy<String> render(String name, CountDownLatch release) throws InterruptedException {
			release.await(10, TimeUnit.SECONDS);
			return Jobs.completed(name + " on " + Thread.currentThread().getName());
		}

		@Job
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		@Job
		public Future<Integer> length(String text) {
			return Jobs.completed(text.length());
		}

		@Job(executor = "reports", key = "'report-' + #quarter + '-' + #p1")
		public FutureProxy<String> stored(String quarter, int number) {
			return Jobs.completed(quarter + "/" + number);
		}

		@Job
		public FutureProxy<String> keyed(@JobKey String key, String payload) {
			return Jobs.completed(payload);
		}

		@Job
		public FutureProxy<String> blockingKeyed(@JobKey String key, CountDownLatch release) throws InterruptedException {
			this.blockingCalls.incrementAndGet();
			release.await(10, TimeUnit.SECONDS);
			return Jobs.completed(key);
		}

		@Job
		public void explode(String message) {
			throw new IllegalStateException(message);
		}

		public int blockingCalls() {
			return this.blockingCalls.get();
		}

		public String selfInvoked() throws Exception {
			return threadName().get();
		}

	}

	static class RecordingFailureHandler implements TaskFailureHandler {

		final List<TaskFailedEvent> failures = new CopyOnWriteArrayList<>();

		@Override
		public void handleFailure(TaskFailedEvent failure) {
			this.failures.add(failure);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CallbackConfiguration {

		final List<FutureProxy<?>> done = new CopyOnWriteArrayList<>();

		@Bean
		DoneCallback recordingDoneCallback() {
			return this.done::add;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClassLevelConfiguration {

		@Bean
		ClassLevelJobs classLevelJobs() {
			return new ClassLevelJobs();
		}

	}

	@Job(executor = "reports")
	static class ClassLevelJobs {

		public FutureProxy<String> name() {
			return Jobs.completed(Thread.currentThread().getName());
		}

		@Override
		public String toString() {
			return "class-level jobs";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadReturnTypeConfiguration {

		@Bean
		BadReturnType badReturnType() {
			return new BadReturnType();
		}

	}

	static class BadReturnType {

		@Job
		public String compute() {
			return "no";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnknownExecutorConfiguration {

		@Bean
		UnknownExecutor unknownExecutor() {
			return new UnknownExecutor();
		}

	}

	static class UnknownExecutor {

		@Job(executor = "missing")
		public void run() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SameSimpleNameConfiguration {

		@Bean
		UnknownExecutor unknownExecutor() {
			return new UnknownExecutor();
		}

		@Bean
		Valid.UnknownExecutor validExecutor(UnknownExecutor unknownExecutor) {
			return new Valid.UnknownExecutor();
		}

	}

	static class Valid {

		// the same simple name as the job above, on an executor that exists
		static class UnknownExecutor {

			@Job(executor = "reports")
			public void run() {
			}

		}

	}

}
