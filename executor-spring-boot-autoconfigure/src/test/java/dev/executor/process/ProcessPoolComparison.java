package dev.executor.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.executor.FutureProxy;
import dev.executor.core.DelegatingManagedExecutor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a {@code process} executor with Python's {@code concurrent.futures} pools, run
 * by {@code /work/shared/bench/python_pools.py} from here, on the same three figures:
 * sequential round trip ({@code submit(noop).get()} one at a time), batch throughput
 * (submit all, then gather) and time from a cold pool to the first result. Each figure is
 * the median of {@code RUNS} runs. Not a test: run it with
 * <pre>
 * ./mvnw -B -q -pl executor-spring-boot-autoconfigure test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp executor-spring-boot-autoconfigure/target/test-classes:executor-spring-boot-autoconfigure/target/classes:$(cat executor-spring-boot-autoconfigure/target/cp.txt) \
 *     dev.executor.process.ProcessPoolComparison [tasks] [workers] [runs] [path of python_pools.py]
 * </pre>
 */
public final class ProcessPoolComparison {

	// enough for both JVMs' JIT compilers to settle, as in a running application
	private static final int WARMUP = 20_000;

	private final int tasks;

	private final int workers;

	private final int runs;

	private ProcessPoolComparison(int tasks, int workers, int runs) {
		this.tasks = tasks;
		this.workers = workers;
		this.runs = runs;
	}

	public static void main(String[] args) throws Exception {
		int tasks = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int workers = (args.length > 1) ? Integer.parseInt(args[1]) : 2;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		Path script = Path.of((args.length > 3) ? args[3] : "/work/shared/bench/python_pools.py");
		ProcessPoolComparison comparison = new ProcessPoolComparison(tasks, workers, runs);
		Map<String, double[]> java = comparison.measureJava();
		Map<String, JsonNode> python = Files.exists(script) ? comparison.measurePython(script) : Map.of();
		comparison.print(java, python);
		System.exit(0);
	}

	private Map<String, double[]> measureJava() throws Exception {
		double[] sequential = new double[this.runs];
		double[] sequentialP50 = new double[this.runs];
		double[] batch = new double[this.runs];
		double[] startup = new double[this.runs];
		for (int run = 0; run < this.runs; run++) {
			DelegatingManagedExecutor executor = newExecutor();
			try {
				warmUp(executor);
				Latency latency = sequential(executor);
				sequential[run] = latency.meanMicros();
				sequentialP50[run] = latency.p50Micros();
				batch[run] = batchTasksPerSecond(executor);
			}
			finally {
				executor.close();
			}
			startup[run] = startupMillis();
		}
		Map<String, double[]> results = new LinkedHashMap<>();
		results.put("sequential", sequential);
		results.put("sequentialP50", sequentialP50);
		results.put("batch", batch);
		results.put("startup", startup);
		return results;
	}

	private DelegatingManagedExecutor newExecutor() {
		return TestProcessExecutors.create("executor.max-workers=" + this.workers);
	}

	private void warmUp(DelegatingManagedExecutor executor) throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			int value = i;
			executor.submit(() -> value).get();
		}
		gather(submitAll(executor, WARMUP));
	}

	private Latency sequential(DelegatingManagedExecutor executor) throws Exception {
		long[] latencies = new long[this.tasks];
		long start = System.nanoTime();
		for (int i = 0; i < this.tasks; i++) {
			int value = i;
			long submitted = System.nanoTime();
			int result = executor.submit(() -> value).get();
			latencies[i] = System.nanoTime() - submitted;
			check(result == value);
		}
		double mean = (System.nanoTime() - start) / 1e3 / this.tasks;
		Arrays.sort(latencies);
		return new Latency(mean, latencies[latencies.length / 2] / 1e3);
	}

	private double batchTasksPerSecond(DelegatingManagedExecutor executor) throws Exception {
		long start = System.nanoTime();
		gather(submitAll(executor, this.tasks));
		return this.tasks / ((System.nanoTime() - start) / 1e9);
	}

	private static List<FutureProxy<Integer>> submitAll(DelegatingManagedExecutor executor, int count) {
		List<FutureProxy<Integer>> futures = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int value = i;
			futures.add(executor.submit(() -> value));
		}
		return futures;
	}

	private static void gather(List<FutureProxy<Integer>> futures) throws Exception {
		for (int i = 0; i < futures.size(); i++) {
			check(futures.get(i).get() == i);
		}
	}

	private double startupMillis() throws Exception {
		long start = System.nanoTime();
		DelegatingManagedExecutor executor = newExecutor();
		try {
			executor.submit(() -> 0).get();
			return (System.nanoTime() - start) / 1e6;
		}
		finally {
			executor.close();
		}
	}

	private Map<String, JsonNode> measurePython(Path script) throws IOException, InterruptedException {
		Process python = new ProcessBuilder("python3", script.toString(), "--json", "--tasks", "" + this.tasks,
				"--workers", "" + this.workers, "--runs", "" + this.runs)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		Map<String, JsonNode> pools = new LinkedHashMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				JsonNode pool = mapper.readTree(line);
				pools.put(pool.path("pool").asString(), pool);
			}
		}
		python.waitFor();
		return pools;
	}

	private void print(Map<String, double[]> java, Map<String, JsonNode> python) {
		System.out.printf("%d tasks, %d workers, median of %d runs, Java %s, %d processors%n%n", this.tasks,
				this.workers, this.runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
		List<String> pythonPools = new ArrayList<>(python.keySet());
		StringBuilder header = new StringBuilder(String.format("%-32s %14s", "", "java process"));
		pythonPools.forEach((pool) -> header.append(String.format(" %16s", "python " + pool)));
		System.out.println(header);
		row("sequential round trip (us)", median(java.get("sequential")), python, "sequential", "mean_us");
		row("  p50 (us)", median(java.get("sequentialP50")), python, "sequential", "p50_us");
		row("batch throughput (tasks/s)", median(java.get("batch")), python, "batch", "tasks_per_s");
		row("cold pool to first result (ms)", median(java.get("startup")), python, "startup", "first_result_ms");
		JsonNode fork = python.get("process[fork]");
		if (fork != null) {
			System.out.printf("%nround trip: %.2fx python fork pool's (goal at most 0.5x); batch throughput: %.2fx "
					+ "(goal at least 2x)%n", median(java.get("sequential")) / fork.path("sequential").path("mean_us").asDouble(),
					median(java.get("batch")) / fork.path("batch").path("tasks_per_s").asDouble());
		}
	}

	private static void row(String label, double javaValue, Map<String, JsonNode> python, String group, String field) {
		StringBuilder row = new StringBuilder(String.format("%-32s %14.1f", label, javaValue));
		python.values().forEach((pool) -> row.append(String.format(" %16.1f", pool.path(group).path(field).asDouble())));
		System.out.println(row);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static void check(boolean condition) {
		if (!condition) {
			throw new IllegalStateException("Wrong result");
		}
	}

	private record Latency(double meanMicros, double p50Micros) {

	}

}
