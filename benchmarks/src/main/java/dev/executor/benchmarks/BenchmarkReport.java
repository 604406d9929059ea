package dev.executor.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark side by side in one run and prints one table of scores with
 * ratios against each group's baseline. Usage, from the repository root:
 * {@code java -jar benchmarks/target/benchmarks.jar [--quick] [--threads-only] [--processes-only] [--idle-only] [--stores-only] [--postgresql-url URL] [--python path/to/python_pools.py]};
 * Python's pools are measured in the same run when {@code python3} is there, by the
 * script of this module ({@code src/main/python/python_pools.py}, packaged in the jar)
 * unless {@code --python} names another.
 */
public final class BenchmarkReport {

	private final boolean quick;

	private final Path pythonBenchmark;

	private final @Nullable String postgresqlUrl;

	private final List<String> lines = new ArrayList<>();

	private BenchmarkReport(boolean quick, Path pythonBenchmark, @Nullable String postgresqlUrl) {
		this.quick = quick;
		this.pythonBenchmark = pythonBenchmark;
		this.postgresqlUrl = postgresqlUrl;
	}

	private static final String USAGE = """
			Usage: java -jar benchmarks/target/benchmarks.jar [--quick] [--threads-only] [--processes-only] [--idle-only]
			         [--stores-only] [--postgresql-url URL] [--python PATH]
			  --quick               one JVM and fewer iterations for each benchmark: shorter and rougher
			  --threads-only        only the thread executors against a raw pool and Spring's, in rounds
			  --processes-only      only the process executor: against Python's pools, its first @Job call, idle cost
			  --idle-only           only the CPU time of idle executors
			  --stores-only         only the stored futures' stores: local, hazelcast, jdbc on H2 and PostgreSQL
			  --postgresql-url URL  the PostgreSQL database of the jdbc store's rows (default: TEST_POSTGRESQL_URL)
			  --python PATH         the Python comparison to run (default: python_pools.py from this jar)""";

	private static final String NO_POSTGRESQL = "skipped: give --postgresql-url or TEST_POSTGRESQL_URL";

	private static final int DELAY_SAMPLES = 40;

	// what the managed thread executor may cost against a raw pool of as many threads
	private static final double ROUND_TRIP_GOAL = 1.1;

	private static final double BATCH_GOAL = 1.5;

	// how many times the thread executors are measured, one JVM per executor each time:
	// which processor each of a JVM's threads lands on moves a JVM's score by up to a
	// third, so it takes several JVMs of each for a median that holds
	private static final int THREAD_ROUNDS = 5;

	private static final String PYTHON_SCRIPT = "/python/python_pools.py";

	public static void main(String[] args) throws Exception {
		List<String> arguments = List.of(args);
		if (arguments.contains("--help")) {
			System.out.println(USAGE);
			return;
		}
		int python = arguments.indexOf("--python");
		Path script = (python >= 0) ? Path.of(arguments.get(python + 1)) : packagedScript();
		BenchmarkReport report = new BenchmarkReport(arguments.contains("--quick"), script, postgresqlUrl(arguments));
		report.run(arguments);
		report.print();
		System.exit(0);
	}

	private void run(List<String> arguments) throws Exception {
		if (arguments.contains("--idle-only")) {
			idleCost();
			return;
		}
		if (arguments.contains("--stores-only")) {
			stores();
			return;
		}
		if (arguments.contains("--threads-only")) {
			threadExecutors();
			return;
		}
		if (!arguments.contains("--processes-only")) {
			threadExecutors();
			storedFutures();
			stores();
			jobs();
			retries();
			retainedHeap();
		}
		processes();
		idleCost();
	}

	private static @Nullable String postgresqlUrl(List<String> arguments) {
		int option = arguments.indexOf("--postgresql-url");
		String url = (option >= 0) ? arguments.get(option + 1) : System.getenv("TEST_POSTGRESQL_URL");
		return (url != null && !url.isBlank()) ? url : null;
	}

	// python3 needs a file; the script travels inside the jar so that the report needs
	// nothing outside the repository
	private static Path packagedScript() throws IOException {
		Path script = Files.createTempFile("python_pools", ".py");
		script.toFile().deleteOnExit();
		try (InputStream source = BenchmarkReport.class.getResourceAsStream(PYTHON_SCRIPT)) {
			if (source == null) {
				throw new IllegalStateException(PYTHON_SCRIPT + " is missing from the class path: build the jar with "
						+ "./mvnw -pl benchmarks -am package -DskipTests");
			}
			Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
		}
		return script;
	}

	private void processes() throws Exception {
		new ProcessPoolComparison(10_000, 2, this.quick ? 1 : 3, this.quick ? 1 : 5, this.lines)
			.run(this.pythonBenchmark);
		new FirstJobCall(this.quick ? 1 : 3, this.lines).run();
	}

	private void idleCost() throws Exception {
		new IdleCost(this.lines).run();
	}

	private void threadExecutors() throws RunnerException {
		List<String> executors = new ArrayList<>(List.of("raw", "spring", "managed", "managed-no-context"));
		if (Runtime.version().feature() >= 21) {
			executors.add("virtual");
		}
		// a round is one JVM per executor, one after the other, and each ratio is taken
		// within a round: a host that slows down or speeds up during the report then moves
		// one round's ratios, not the whole table
		List<Collection<RunResult>> rounds = new ArrayList<>();
		for (int round = 0; round < (this.quick ? 1 : THREAD_ROUNDS); round++) {
			rounds.add(run(ThreadExecutorBenchmark.class.getSimpleName(), (options) -> {
				options.param("executor", executors.toArray(String[]::new));
				return this.quick ? options : options.warmupIterations(2).measurementIterations(4);
			}));
		}
		for (String benchmark : List.of("roundTrip", "batch")) {
			for (String context : List.of("false", "true")) {
				Map<String, double[]> scores = new LinkedHashMap<>();
				for (int round = 0; round < rounds.size(); round++) {
					for (RunResult result : rounds.get(round)) {
						if (result.getParams().getBenchmark().endsWith("." + benchmark)
								&& result.getParams().getParam("requestContext").equals(context)) {
							scores.computeIfAbsent(result.getParams().getParam("executor"),
									(executor) -> new double[rounds.size()])[round] = score(result);
						}
					}
				}
				pairedSection("thread executors, " + benchmark
						+ ("true".equals(context) ? ", request+security+MDC context" : ", no context") + ", median of "
						+ rounds.size() + ((rounds.size() > 1) ? " rounds" : " round") + " (ns/task, lower is better)",
						scores, "raw");
				pairedGoal(scores, "managed", "raw", "roundTrip".equals(benchmark) ? ROUND_TRIP_GOAL : BATCH_GOAL);
			}
		}
	}

	private void storedFutures() throws RunnerException {
		Map<String, Double> scores = new LinkedHashMap<>();
		for (RunResult result : run(StoredFuturesBenchmark.class.getSimpleName(),
				(options) -> options.param("store", "local"))) {
			scores.put(shortName(result), score(result));
		}
		section("stored futures, 2 threads (ops/ms, higher is better)", scores, "submit");
	}

	// the local store's row of storedFutures() is measured again here, so that every
	// store's ratio comes from the same runs
	private void stores() throws Exception {
		List<String> stores = new ArrayList<>(List.of("local", "hazelcast", "h2"));
		if (this.postgresqlUrl != null) {
			stores.add("postgresql");
		}
		Map<String, Double> scores = new LinkedHashMap<>();
		String benchmark = "\\." + StoredFuturesBenchmark.class.getSimpleName() + "\\.submitStoredAndPop$";
		for (RunResult result : runMatching(benchmark, (options) -> options.param("store", stores.toArray(String[]::new))
			.jvmArgsAppend(postgresqlProperty()))) {
			scores.put(storeName(result.getParams().getParam("store")), score(result));
		}
		section("stored submit + finish + pop, by store, 2 threads (ops/ms, higher is better)", scores, "local");
		if (this.postgresqlUrl == null) {
			this.lines.add(String.format(Locale.ROOT, "  %-28s %s", storeName("postgresql"), NO_POSTGRESQL));
		}
		crossInstanceDelays();
	}

	private void crossInstanceDelays() throws Exception {
		String url = this.postgresqlUrl;
		if (url != null) {
			System.setProperty(Stores.POSTGRESQL_URL, url);
		}
		CrossInstanceDelay delay = new CrossInstanceDelay(DELAY_SAMPLES, this.lines);
		delay.title();
		delay.skipped("local", "n/a: one instance only");
		delay.row("hazelcast, 2 members", "hazelcast", Stores.DEFAULT_POLL_INTERVAL, 0);
		// the store's default poll interval, then a short one: what the setting costs
		for (String database : List.of("h2", "postgresql")) {
			for (long millis : List.of(500L, 50L)) {
				String name = storeName(database) + ", poll " + millis + "ms";
				if ("postgresql".equals(database) && url == null) {
					delay.skipped(name, NO_POSTGRESQL);
				}
				else {
					delay.row(name, database, millis + "ms", millis);
				}
			}
		}
	}

	private String[] postgresqlProperty() {
		return (this.postgresqlUrl != null) ? new String[] { "-D" + Stores.POSTGRESQL_URL + "=" + this.postgresqlUrl }
				: new String[0];
	}

	private static String storeName(String store) {
		return switch (store) {
			case "h2" -> "jdbc/H2";
			case "postgresql" -> "jdbc/PostgreSQL";
			default -> store;
		};
	}

	private void jobs() throws RunnerException {
		Map<String, Double> scores = new LinkedHashMap<>();
		for (RunResult result : run(JobBenchmark.class.getSimpleName(), (options) -> options)) {
			scores.put(shortName(result), score(result));
		}
		section("@Job call against direct submit, round trip (ns/call, lower is better)", scores, "directSubmit");
	}

	private void retries() throws RunnerException {
		Collection<RunResult> results = run(RetryBenchmark.class.getSimpleName(), (options) -> options);
		for (String benchmark : List.of("roundTrip", "batch")) {
			Map<String, Double> scores = new LinkedHashMap<>();
			for (RunResult result : results) {
				if (result.getParams().getBenchmark().endsWith("." + benchmark)) {
					scores.put(result.getParams().getParam("retrier"), score(result));
				}
			}
			String title = "roundTrip".equals(benchmark) ? "a task failing once, retried at once, round trip"
					: "tasks failing once, " + RetryBenchmark.BATCH + " at once, " + RetryBenchmark.BACK_OFF_MILLIS
							+ "ms back-off";
			section(title + " (us/task, lower is better)", scores, "template");
		}
	}

	private void retainedHeap() throws Exception {
		double bytes = RetainedHeap.bytesPerStoredFinishedFuture();
		this.lines.add("");
		this.lines.add("== retained heap per stored finished future (" + RetainedHeap.ENTRIES + " entries)");
		this.lines.add(String.format(Locale.ROOT, "  %-28s %12.0f bytes   (goal: under 300)", "stored future", bytes));
	}

	private Collection<RunResult> run(String include, java.util.function.UnaryOperator<ChainedOptionsBuilder> custom)
			throws RunnerException {
		return runMatching("\\." + include + "\\.", custom);
	}

	private Collection<RunResult> runMatching(String pattern,
			java.util.function.UnaryOperator<ChainedOptionsBuilder> custom) throws RunnerException {
		ChainedOptionsBuilder options = new OptionsBuilder().include(pattern)
			.forks(1)
			.warmupIterations(this.quick ? 1 : 3)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(this.quick ? 2 : 5)
			.measurementTime(TimeValue.seconds(1))
			.verbosity(VerboseMode.SILENT);
		return new Runner(custom.apply(options).build()).run();
	}

	// the median of the iterations: a garbage collection or a neighbour's burst in one
	// second of a shared machine moves the mean of five far more
	private static double score(RunResult result) {
		return result.getPrimaryResult().getStatistics().getPercentile(50);
	}

	private static String shortName(RunResult result) {
		String benchmark = result.getParams().getBenchmark();
		return benchmark.substring(benchmark.lastIndexOf('.') + 1);
	}

	// the median score over the rounds and the median of the rounds' ratios, then each
	// round's ratio, to show how far the rounds agree
	private void pairedSection(String title, Map<String, double[]> scores, String baseline) {
		this.lines.add("");
		this.lines.add("== " + title);
		double[] base = scores.get(baseline);
		scores.forEach((name, rounds) -> {
			StringBuilder row = new StringBuilder(
					String.format(Locale.ROOT, "  %-28s %12.1f", name, ProcessPoolComparison.median(rounds)));
			if (base != null) {
				double[] ratios = ratios(rounds, base);
				row.append(String.format(Locale.ROOT, "   %6.2fx %s", ProcessPoolComparison.median(ratios), baseline));
				if (ratios.length > 1 && !name.equals(baseline)) {
					row.append("   rounds:");
					for (double ratio : ratios) {
						row.append(String.format(Locale.ROOT, " %.2fx", ratio));
					}
				}
			}
			this.lines.add(row.toString());
		});
	}

	private void pairedGoal(Map<String, double[]> scores, String name, String baseline, double goal) {
		double[] rounds = scores.get(name);
		double[] base = scores.get(baseline);
		if (rounds != null && base != null) {
			double ratio = ProcessPoolComparison.median(ratios(rounds, base));
			this.lines.add(String.format(Locale.ROOT, "  %s: %.2fx %s (goal: at most %.2fx, %s)", name, ratio, baseline,
					goal, (ratio <= goal) ? "met" : "not met"));
		}
	}

	private static double[] ratios(double[] scores, double[] base) {
		double[] ratios = new double[scores.length];
		for (int round = 0; round < scores.length; round++) {
			ratios[round] = scores[round] / base[round];
		}
		return ratios;
	}

	// a section of one round
	private void section(String title, Map<String, Double> scores, String baseline) {
		Map<String, double[]> rounds = new LinkedHashMap<>();
		scores.forEach((name, score) -> rounds.put(name, new double[] { score }));
		pairedSection(title, rounds, baseline);
	}

	private void print() {
		System.out.println();
		System.out.println("Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " processors");
		this.lines.forEach(System.out::println);
	}

}
