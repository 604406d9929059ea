package dev.executor.docs.quickstart;

import java.util.List;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application that squares numbers on the default executor and renders reports in
 * the background on the {@code reports} executor, to be fetched by a later request.
 */
@SpringBootApplication
@RestController
public class QuickStartApplication {

	private final ManagedExecutor executor;

	private final ManagedExecutor reports;

	QuickStartApplication(ManagedExecutor executor, @Qualifier("reports") ManagedExecutor reports) {
		this.executor = executor;
		this.reports = reports;
	}

	@GetMapping("/squares")
	List<Integer> squares(@RequestParam List<Integer> n) {
		return this.executor.<Integer, Integer>map((x) -> x * x, n).toList();
	}

	@PostMapping("/reports/{name}")
	ResponseEntity<String> render(@PathVariable String name) {
		this.reports.submitStored(name, () -> "Report " + name + " rendered on " + Thread.currentThread().getName());
		return ResponseEntity.accepted().body(name);
	}

	@GetMapping("/reports/{name}")
	ResponseEntity<String> report(@PathVariable String name) {
		return this.reports.futures()
			.<String>get(name)
			.map(QuickStartApplication::answer)
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static ResponseEntity<String> answer(FutureProxy<String> report) {
		return report.isDone() ? ResponseEntity.ok(report.join()) : ResponseEntity.accepted().body("rendering");
	}

	public static void main(String[] args) {
		SpringApplication.run(QuickStartApplication.class, args);
	}

}
