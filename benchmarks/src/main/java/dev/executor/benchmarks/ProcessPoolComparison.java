package dev.executor.benchmarks;

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
import java.util.Locale;
import java.util.Map;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a {@code process} executor with Python's {@code concurrent.futures} pools, run
 * by this module's {@code src/main/python/python_pools.py}, on the same three figures:
 * sequential round trip ({@code submit(noop).get()} one at a time), batch throughput
 * (submit all, then gather) and time from a cold pool to the first result. Each figure is
 * the median of the runs; the cold pool's is the median of several new pools after each
 * run, since one new pool's time moves by more than a tenth from one to the next.
 */
final class ProcessPoolComparison {

	// enough for both JVMs' JIT compilers to settle, as in a running application
	private static final int WARMUP = 20_000;

	private final int tasks;

	private final int workers;

	private final int runs;

	private final int pools;

	private final List<String> lines;

	ProcessPoolComparison(int tasks, int workers, int runs, int pools, List<String> lines) {
		this.tasks = tasks;
		this.workers = workers;
		this.runs = runs;
		this.pools = pools;
		this.lines = lines;
	}

	void run(Path script) throws Exception {
		Map<String, double[]> java = measureJava();
		Map<String, JsonNode> python = Files.exists(script) ? measurePython(script) : Map.of();
		if (python.isEmpty()) {
			this.lines.add("  (no python3, or no answer from " + script + ": Python pools not measured)");
		}
		print(java, python);
	}

	private Map<String, double[]> measureJava() throws Exception {
		double[] sequential = new double[this.runs];
		double[] sequentialP50 = new double[this.runs];
		double[] batch = new double[this.runs];
		double[] startup = new double[this.runs * this.pools];
		for (int run = 0; run < this.runs; run++) {
			ManagedExecutor executor = newExecutor();
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
			for (int pool = 0; pool < this.pools; pool++) {
				startup[run * this.pools + pool] = startupMillis();
			}
		}
		Map<String, double[]> results = new LinkedHashMap<>();
		results.put("sequential", sequential);
		results.put("sequentialP50", sequentialP50);
		results.put("batch", batch);
		results.put("startup", startup);
		return results;
	}

	private ManagedExecutor newExecutor() {
		return Executors.process(this.workers);
	}

	private void warmUp(ManagedExecutor executor) throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			int value = i;
			executor.submit(() -> value).get();
		}
		gather(submitAll(executor, WARMUP));
	}

	private Latency sequential(ManagedExecutor executor) throws Exception {
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

	private double batchTasksPerSecond(ManagedExecutor executor) throws Exception {
		long start = System.nanoTime();
		gather(submitAll(executor, this.tasks));
		return this.tasks / ((System.nanoTime() - start) / 1e9);
	}

	private static List<FutureProxy<Integer>> submitAll(ManagedExecutor executor, int count) {
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
		ManagedExecutor executor = newExecutor();
		try {
			executor.submit(() -> 0).get();
			return (System.nanoTime() - start) / 1e6;
		}
		finally {
			executor.close();
		}
	}

	private Map<String, JsonNode> measurePython(Path script) throws IOException, InterruptedException {
		Process python;
		try {
			python = new ProcessBuilder("python3", script.toString(), "--json", "--tasks", "" + this.tasks,
					"--workers", "" + this.workers, "--runs", "" + this.runs, "--pools", "" + this.pools)
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
		}
		catch (IOException ex) {
			// no python3 on the path: the Java side is still worth reporting
			return Map.of();
		}
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
		this.lines.add("");
		this.lines.add(String.format(Locale.ROOT, "== process executor against Python's pools, %d no-op tasks, %d workers, "
				+ "median of %d runs (cold pool: of %d new pools, %d after each run)", this.tasks, this.workers,
				this.runs, this.runs * this.pools, this.pools));
		List<String> pythonPools = new ArrayList<>(python.keySet());
		StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-32s %14s", "", "java process"));
		pythonPools.forEach((pool) -> header.append(String.format(Locale.ROOT, " %16s", "python " + pool)));
		this.lines.add(header.toString());
		row("sequential round trip (us)", median(java.get("sequential")), python, "sequential", "mean_us");
		row("  p50 (us)", median(java.get("sequentialP50")), python, "sequential", "p50_us");
		row("batch throughput (tasks/s)", median(java.get("batch")), python, "batch", "tasks_per_s");
		double[] startup = java.get("startup");
		double coldPool = median(startup);
		row("cold pool to first result (ms)", coldPool, python, "startup", "first_result_ms");
		this.lines.add(String.format(Locale.ROOT, "  cold pool: %.1f ms (goal: at most 100 ms, %s); its %d pools took %.1f "
				+ "to %.1f ms", coldPool, (coldPool <= 100) ? "met" : "not met", startup.length,
				Arrays.stream(startup).min().orElseThrow(), Arrays.stream(startup).max().orElseThrow()));
		JsonNode fork = python.get("process[fork]");
		if (fork != null) {
			this.lines.add(String.format(Locale.ROOT, "  round trip: %.2fx Python's fork pool (goal: at most 0.5x); "
					+ "batch throughput: %.2fx (goal: at least 2x)",
					median(java.get("sequential")) / fork.path("sequential").path("mean_us").asDouble(),
					median(java.get("batch")) / fork.path("batch").path("tasks_per_s").asDouble()));
		}
	}

	private void row(String label, double javaValue, Map<String, JsonNode> python, String group, String field) {
		StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-32s %14.1f", label, javaValue));
		python.values()
			.forEach((pool) -> row.append(String.format(Locale.ROOT, " %16.1f", pool.path(group).path(field).asDouble())));
		this.lines.add(row.toString());
	}

	static double median(double[] values) {
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
