package dev.executor.benchmarks;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import org.springframework.util.FileSystemUtils;

/**
 * Measures how long the first call of a {@link Job @Job} method on a {@code process}
 * executor takes once the application has started: the call runs on a bean of the
 * worker's own application context, so it waits for whatever of that context is not
 * started yet. Each run starts the application in a new JVM, as a user's application
 * starts, with two workers, calls at once, then again; another new JVM
 * calls only {@link #LATER} after its start, when the workers have had the time to start
 * their contexts in the background. The runs share a class data sharing directory of
 * their own, where a first application, not measured, has left the workers' archives, as
 * an application that has run once before does.
 */
final class FirstJobCall {

	private static final Duration LATER = Duration.ofSeconds(3);

	private static final String FIGURES = "first-job-call:";

	private static final String ARCHIVES = "executor.process.class-data-sharing.directory";

	// the archive of plain workers and that of workers that start the application context
	private static final int ARCHIVE_COUNT = 2;

	private static final Pattern INSTALLED_ARCHIVE = Pattern.compile("worker-\\p{XDigit}+-\\d+\\.(jsa|aot)");

	private final int runs;

	private final List<String> lines;

	FirstJobCall(int runs, List<String> lines) {
		this.runs = runs;
		this.lines = lines;
	}

	void run() throws Exception {
		Path archives = Files.createTempDirectory("first-job-call");
		try {
			inNewJvm(archives, "train");
			measure(archives);
		}
		finally {
			FileSystemUtils.deleteRecursively(archives);
		}
	}

	private void measure(Path archives) throws Exception {
		double[] started = new double[this.runs];
		double[] firstCall = new double[this.runs];
		double[] secondCall = new double[this.runs];
		double[] laterCall = new double[this.runs];
		for (int run = 0; run < this.runs; run++) {
			double[] now = inNewJvm(archives, "now");
			started[run] = now[0];
			firstCall[run] = now[1];
			secondCall[run] = now[2];
			laterCall[run] = inNewJvm(archives, "later")[0];
		}
		this.lines.add("");
		this.lines.add("== @Job method on a process executor, 2 workers, a new JVM per application, median of "
				+ this.runs + " runs (ms)");
		row("application start", started);
		row("first @Job call after the start", firstCall);
		row("second @Job call", secondCall);
		row("first @Job call " + LATER.toSeconds() + " s after the start", laterCall);
	}

	private static double[] inNewJvm(Path archives, String mode) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-D" + ARCHIVES + "=" + archives, "-cp",
				System.getProperty("java.class.path"), FirstJobCall.class.getName(), mode)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String figures = null;
		try (BufferedReader output = process.inputReader()) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.startsWith(FIGURES)) {
					figures = line.substring(FIGURES.length()).trim();
				}
			}
		}
		int exitCode = process.waitFor();
		if (figures == null || exitCode != 0) {
			throw new IllegalStateException("The application of the first job call ended with exit code " + exitCode
					+ " and without its figures");
		}
		return Arrays.stream(figures.split(" ")).mapToDouble(Double::parseDouble).toArray();
	}

	/**
	 * Start the application, call its job method, print the figures and end.
	 * @param args {@code now} to call at once after the start, then again, {@code later}
	 * to call once, {@link #LATER} after the start, or {@code train} to wait until the
	 * workers' archives are written
	 * @throws Exception if the application or a call fails
	 */
	public static void main(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : "now";
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = start()) {
			long up = System.nanoTime();
			ProcessJobs jobs = context.getBean(ProcessJobs.class);
			if (mode.equals("train")) {
				jobs.pid().get(60, TimeUnit.SECONDS);
				awaitArchives(Path.of(context.getEnvironment().getRequiredProperty(ARCHIVES)));
				System.out.println(FIGURES + " " + millis(System.nanoTime() - start));
			}
			else if (mode.equals("now")) {
				jobs.pid().get(60, TimeUnit.SECONDS);
				long first = System.nanoTime();
				jobs.pid().get(60, TimeUnit.SECONDS);
				long second = System.nanoTime();
				System.out.println(FIGURES + " " + millis(up - start) + " " + millis(first - up) + " "
						+ millis(second - first));
			}
			else {
				Thread.sleep(LATER.toMillis());
				long later = System.nanoTime();
				jobs.pid().get(60, TimeUnit.SECONDS);
				System.out.println(FIGURES + " " + millis(System.nanoTime() - later));
			}
		}
	}

	private static void awaitArchives(Path directory) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (archiveCount(directory) < ARCHIVE_COUNT) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The workers' archives are not written in " + directory);
			}
			Thread.sleep(100);
		}
	}

	// an archive in place is named after its size; training runs write other names
	private static long archiveCount(Path directory) throws Exception {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> INSTALLED_ARCHIVE.matcher(file.getFileName().toString()).matches()).count();
		}
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
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
