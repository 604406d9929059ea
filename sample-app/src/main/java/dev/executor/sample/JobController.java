package dev.executor.sample;

import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.executor.DuplicateFutureKeyException;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.StoredFutures;
import dev.executor.TaskFailedEvent;
import dev.executor.TaskFailureHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that start jobs stored under a key and read their state and result in a
 * later request, as in Flask-Executor's documentation, a slow export to watch and cancel
 * through the {@code executors} Actuator endpoint, plus notifications whose failures go
 * to a {@link TaskFailureHandler}.
 */
@RestController
class JobController {

	private static final Log logger = LogFactory.getLog(JobController.class);

	private final ManagedExecutor executor;

	private final ManagedExecutor notifications;

	private final FailedNotifications failedNotifications;

	JobController(ManagedExecutor executor, @Qualifier("notifications") ManagedExecutor notifications,
			FailedNotifications failedNotifications) {
		this.executor = executor;
		this.notifications = notifications;
		this.failedNotifications = failedNotifications;
	}

	@PostMapping("/jobs/{key}")
	ResponseEntity<Map<String, String>> start(@PathVariable String key,
			@RequestParam(defaultValue = "100000") int below) {
		// tag::submit-stored[]
		FutureProxy<Integer> job = this.executor.submitStored(key, () -> countPrimes(below), Duration.ofSeconds(30));
		job.addDoneCallback((done) -> logger.info("Job '" + key + "' ended " + done.state()));
		return ResponseEntity.accepted().body(Map.of("key", key));
		// end::submit-stored[]
	}

	@PostMapping("/exports/{name}")
	ResponseEntity<Map<String, String>> startExport(@PathVariable String name,
			@RequestParam(defaultValue = "50") int pages) {
		String key = "export-" + name;
		this.executor.submitStored(key, () -> export(name, pages));
		return ResponseEntity.accepted().body(Map.of("key", key));
	}

	// tag::duplicate-key[]
	@ExceptionHandler(DuplicateFutureKeyException.class)
	ResponseEntity<Map<String, String>> duplicate(DuplicateFutureKeyException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("key", ex.getKey(), "error", ex.getMessage()));
	}
	// end::duplicate-key[]

	@GetMapping("/jobs")
	Set<String> jobs() {
		// tag::keys[]
		return this.executor.futures().keys();
		// end::keys[]
	}

	@GetMapping("/jobs/{key}")
	ResponseEntity<Map<String, Object>> job(@PathVariable String key) {
		// tag::state[]
		StoredFutures jobs = this.executor.futures();
		FutureState state = jobs.state(key).orElse(null);
		if (state == null) {
			return ResponseEntity.notFound().build();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("key", key);
		body.put("state", state);
		if (state == FutureState.FINISHED) {
			jobs.<Integer>pop(key).ifPresent((job) -> body.put("result", job.join()));
		}
		return ResponseEntity.ok(body);
		// end::state[]
	}

	@GetMapping("/primes")
	List<Integer> primes(@RequestParam List<Integer> below) {
		// tag::map[]
		return this.executor.<Integer, Integer>map(JobController::countPrimes, below).toList();
		// end::map[]
	}

	@PostMapping("/notifications")
	ResponseEntity<Void> notify(@RequestParam String to) {
		// tag::notify[]
		this.notifications.submit(() -> send(to));
		// end::notify[]
		return ResponseEntity.accepted().build();
	}

	@GetMapping("/notifications/failed")
	List<String> failedNotifications() {
		return this.failedNotifications.messages();
	}

	private static int countPrimes(int below) {
		return (int) IntStream.range(2, below)
			.filter((n) -> IntStream.rangeClosed(2, (int) Math.sqrt(n)).noneMatch((d) -> n % d == 0))
			.count();
	}

	private static String export(String name, int pages) throws InterruptedException {
		if (pages < 1) {
			// checked by the task, so that the failure shows in its stored future
			throw new IllegalArgumentException("An export needs at least 1 page, not " + pages);
		}
		for (int page = 1; page <= pages; page++) {
			// stands in for rendering a page; cancelling the export interrupts it here
			TimeUnit.MILLISECONDS.sleep(100);
		}
		return "Exported " + pages + " pages of " + name;
	}

	private static void send(String to) {
		if (!to.contains("@")) {
			throw new IllegalArgumentException("Not an e-mail address: " + to);
		}
		logger.info("Notified " + to);
	}

	/**
	 * Keeps the last failures of tasks on executors with {@code propagate-exceptions}
	 * enabled.
	 */
	// tag::failure-handler[]
	@Component
	static class FailedNotifications implements TaskFailureHandler {

		private static final int KEPT = 10;

		private final Deque<String> messages = new ConcurrentLinkedDeque<>();

		@Override
		public void handleFailure(TaskFailedEvent failure) {
			this.messages.addFirst(failure.getExecutorName() + ": " + failure.getException().getMessage());
			while (this.messages.size() > KEPT) {
				this.messages.pollLast();
			}
		}

		List<String> messages() {
			return List.copyOf(this.messages);
		}

	}
	// end::failure-handler[]

}
