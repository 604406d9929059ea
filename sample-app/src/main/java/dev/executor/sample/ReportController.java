package dev.executor.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.Jobs;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that hand work to the default executor and to the named {@code reports}
 * executor.
 */
@RestController
class ReportController {

	private final ManagedExecutor executor;

	private final ManagedExecutor reports;

	private final ManagedExecutors executors;

	private final ReportJobs jobs;

	ReportController(ManagedExecutor executor, @Qualifier("reports") ManagedExecutor reports,
			ManagedExecutors executors, ReportJobs jobs) {
		this.executor = executor;
		this.reports = reports;
		this.executors = executors;
		this.jobs = jobs;
	}

	@GetMapping("/reports/{name}")
	Map<String, Object> report(@PathVariable String name) throws Exception {
		FutureProxy<String> title = this.executor.submit(() -> "Report " + name);
		FutureProxy<Integer> pages = this.reports.submit(() -> name.length() * 10);
		return Map.of("title", title.get(), "pages", pages.get(), "executor", pages.executorName());
	}

	@GetMapping("/rendered/{name}")
	Map<String, Object> rendered(@PathVariable String name) throws Exception {
		FutureProxy<String> report = this.jobs.render(name);
		CompletableFuture<Integer> pages = this.jobs.pages(name);
		this.jobs.notifyReady(name);
		return Map.of("key", report.key().orElseThrow(), "report", report.get(), "pages", pages.get());
	}

	@GetMapping("/reports/stored")
	Set<String> storedReports() {
		return this.reports.futures().keys();
	}

	@GetMapping("/reports/stored/{key}")
	ResponseEntity<Map<String, Object>> storedReport(@PathVariable String key) {
		Optional<FutureProxy<Object>> future = this.reports.futures().get(key);
		if (future.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("key", key);
		body.put("state", future.get().state());
		if (future.get().state() == FutureState.FINISHED) {
			body.put("result", future.get().join());
		}
		return ResponseEntity.ok(body);
	}

	// tag::page-counts[]
	@GetMapping("/page-counts")
	List<Integer> pageCounts(@RequestParam List<String> name) {
		return Jobs.map(name, this.jobs::pages).toList();
	}
	// end::page-counts[]

	@GetMapping("/squares")
	List<Integer> squares(@RequestParam List<Integer> n) {
		return this.reports.<Integer, Integer>map((x) -> x * x, n).toList();
	}

	@GetMapping("/executors")
	List<Map<String, Object>> executors() {
		return this.executors.names()
			.stream()
			.map(this.executors::get)
			.map((executor) -> Map.<String, Object>of("name", executor.name(), "type", executor.type(),
					"maxWorkers", executor.maxWorkers()))
			.toList();
	}

}
