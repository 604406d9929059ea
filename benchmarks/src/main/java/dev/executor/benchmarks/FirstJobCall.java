package dev.executor.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.Jobs;
import dev.executor.process.WorkerMain;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Measures how long the first call of a {@link Job @Job} method on a {@code process}
 * executor takes once the application has started: the call runs on a bean of the
 * worker's own application context, so it waits for whatever of that context is not
 * started yet. Each run starts a new application with two workers, calls at once, then
 * calls the other worker; another application is called only {@link #LATER} after its
 * start, when the workers have had the time to start their contexts in the background.
 */
final class FirstJobCall {

	private static final Duration LATER = Duration.ofSeconds(3);

	private final int runs;

	private final List<String> lines;

	FirstJobCall(int runs, List<String> lines) {
		this.runs = runs;
		this.lines = lines;
	}

	void run() throws Exception {
		double[] started = new double[this.runs];
		double[] firstCall = new double[this.runs];
		double[] secondCall = new double[this.runs];
		double[] laterCall = new double[this.runs];
		for (int run = 0; run < this.runs; run++) {
			long start = System.nanoTime();
			try (ConfigurableApplicationContext context = start()) {
				long up = System.nanoTime();
				started[run] = (up - start) / 1e6;
				ProcessJobs jobs = context.getBean(ProcessJobs.class);
				jobs.pid().get(60, TimeUnit.SECONDS);
				long first = System.nanoTime();
				firstCall[run] = (first - up) / 1e6;
				jobs.pid().get(60, TimeUnit.SECONDS);
				secondCall[run] = (System.nanoTime() - first) / 1e6;
			}
			try (ConfigurableApplicationContext context = start()) {
				Thread.sleep(LATER.toMillis());
				long later = System.nanoTime();
				context.getBean(ProcessJobs.class).pid().get(60, TimeUnit.SECONDS);
				laterCall[run] = (System.nanoTime() - later) / 1e6;
			}
		}
		this.lines.add("");
		this.lines.add("== @Job method on a process executor, 2 workers, median of " + this.runs + " runs (ms)");
		row("application start", started);
		row("first @Job call after the start", firstCall);
		row("second @Job call", secondCall);
		row("first @Job call " + LATER.toSeconds() + " s after the start", laterCall);
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ProcessJobApplication.class).web(WebApplicationType.NONE)
			.properties("executor.type=process", "executor.max-workers=2", "spring.main.banner-mode=off",
					"logging.level.root=warn")
			.run();
	}

	private void row(String label, double[] values) {
		this.lines.add(String.format(Locale.ROOT, "  %-34s %10.1f", label, ProcessPoolComparison.median(values)));
	}

	// no component scan: the other applications of this package stay out of it
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ProcessJobApplication {

		@Bean
		ProcessJobs processJobs() {
			return new ProcessJobs();
		}

	}

	static class ProcessJobs {

		@Job
		public FutureProxy<Long> pid() {
			return Jobs.completed(WorkerMain.isWorkerProcess() ? ProcessHandle.current().pid() : -1L);
		}

	}

}
