package dev.executor.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.Jobs;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.process.ProcessPool;
import dev.executor.process.WorkerMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the workers of a {@code process} executor that runs {@link Job @Job} methods
 * start the application context of the job calls when they start, not at the first
 * call. The job bean of the worker's context says so by leaving a file named after the
 * worker's process id, in a directory that the worker JVMs get as a system property.
 */
class ProcessJobContextTests {

	private static final Duration START = Duration.ofSeconds(60);

	@TempDir
	Path started;

	private ConfigurableApplicationContext context;

	@AfterEach
	void closeApplication() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void workersShouldStartTheJobContextBeforeAnyJobCall() {
		ManagedExecutor executor = startApplication();
		List<ProcessHandle> workers = workers(executor);
		assertThat(workers).hasSize(2);
		for (ProcessHandle worker : workers) {
			await().atMost(START).until(() -> Files.exists(this.started.resolve(Long.toString(worker.pid()))));
		}
	}

	@Test
	void workerThatReplacesAnotherShouldStartTheJobContextToo() throws Exception {
		ManagedExecutor executor = startApplication("executor.named.isolated.max-workers=1",
				"executor.named.isolated.process.max-tasks-per-worker=1");
		long replaced = executor.submit(() -> ProcessHandle.current().pid()).get(60, TimeUnit.SECONDS);
		ProcessHandle replacement = await().atMost(START)
			.until(() -> workers(executor).stream().filter((worker) -> worker.pid() != replaced).findFirst(),
					(worker) -> worker.isPresent())
			.orElseThrow();
		await().atMost(START).until(() -> Files.exists(this.started.resolve(Long.toString(replacement.pid()))));
	}

	@Test
	void jobCallShouldRunOnTheBeanThatTheWorkerStartedWith() throws Exception {
		startApplication("executor.named.isolated.max-workers=1");
		long pid = this.context.getBean(StartedJobs.class).pid().get(60, TimeUnit.SECONDS);
		assertThat(this.started.resolve(Long.toString(pid))).hasContent("started once");
	}

	@Test
	void workersShouldCreateOnlyTheJobBeansTheirDependenciesAndEagerBeans() throws Exception {
		startApplication("executor.named.isolated.max-workers=1");
		long pid = this.context.getBean(StartedJobs.class).pid().get(60, TimeUnit.SECONDS);
		assertThat(this.started.resolve(pid + "-" + JobHelper.class.getSimpleName())).exists();
		assertThat(this.started.resolve(pid + "-" + EagerBean.class.getSimpleName())).exists();
		assertThat(this.started.resolve(pid + "-" + UnusedBean.class.getSimpleName())).doesNotExist();
		assertThat(this.context.getBean(UnusedBean.class)).isNotNull();
	}

	private ManagedExecutor startApplication(String... properties) {
		this.context = new SpringApplicationBuilder(JobApplication.class).web(WebApplicationType.NONE)
			.properties("executor.named.isolated.type=process", "executor.named.isolated.max-workers=2",
					"executor.named.isolated.process.jvm-args=-D" + StartedJobs.DIRECTORY + "=" + this.started)
			.properties(properties)
			.run();
		return this.context.getBean(ManagedExecutors.class).get("isolated");
	}

	private static List<ProcessHandle> workers(ManagedExecutor executor) {
		return executor.pool(ProcessPool.class).orElseThrow().workerProcesses();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ StartedJobs.class, JobHelper.class, EagerBean.class, UnusedBean.class })
	static class JobApplication {

	}

	static void mark(String name) {
		String directory = System.getProperty(StartedJobs.DIRECTORY);
		if (WorkerMain.isWorkerProcess() && directory != null) {
			Path file = Path.of(directory, name);
			try {
				Files.writeString(file, Files.exists(file) ? "started again" : "started once");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	static void markCreated(Object bean) {
		mark(ProcessHandle.current().pid() + "-" + bean.getClass().getSimpleName());
	}

	static class JobHelper {

		JobHelper() {
			markCreated(this);
		}

	}

	@Lazy(false)
	static class EagerBean {

		EagerBean() {
			markCreated(this);
		}

	}

	static class UnusedBean {

		UnusedBean() {
			markCreated(this);
		}

	}

	@Job(executor = "isolated")
	public static class StartedJobs {

		static final String DIRECTORY = "test.started-directory";

		StartedJobs(JobHelper helper) {
			mark(Long.toString(ProcessHandle.current().pid()));
		}

		public FutureProxy<Long> pid() {
			return Jobs.completed(ProcessHandle.current().pid());
		}

	}

}
