package dev.executor.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.Jobs;
import dev.executor.ManagedExecutor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The overhead of calling a {@link Job} method against submitting the same work directly,
 * both waited for one at a time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JobBenchmark {

	private ConfigurableApplicationContext context;

	private ManagedExecutor executor;

	private NoopJobs jobs;

	@Setup(Level.Trial)
	public void setUp() {
		this.context = new SpringApplicationBuilder(JobApplication.class).web(WebApplicationType.NONE)
			.properties("executor.max-workers=2", "spring.main.banner-mode=off", "logging.level.root=warn")
			.run();
		this.executor = this.context.getBean(ManagedExecutor.class);
		this.jobs = this.context.getBean(NoopJobs.class);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	@Benchmark
	public Object directSubmit() throws Exception {
		return this.executor.submit(ThreadExecutorBenchmark::noop).get();
	}

	@Benchmark
	public Object jobCall() throws Exception {
		return this.jobs.noop().get();
	}

	@SpringBootApplication
	static class JobApplication {

		@Bean
		NoopJobs noopJobs() {
			return new NoopJobs();
		}

	}

	static class NoopJobs {

		@Job
		public FutureProxy<Object> noop() {
			return Jobs.completed(ThreadExecutorBenchmark.noop());
		}

	}

}
