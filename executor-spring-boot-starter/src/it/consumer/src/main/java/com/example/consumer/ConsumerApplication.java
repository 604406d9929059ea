package com.example.consumer;

import java.util.concurrent.CompletableFuture;

import dev.executor.Job;
import dev.executor.ManagedExecutor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that uses the starter the way its users do.
 */
@SpringBootApplication
public class ConsumerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsumerApplication.class, args);
	}

	@RestController
	static class ExecutorController {

		private final ManagedExecutor executor;

		private final ManagedExecutor reports;

		private final ManagedExecutor isolated;

		private final ThreadNameJobs jobs;

		ExecutorController(ManagedExecutor executor, @Qualifier("reports") ManagedExecutor reports,
				@Qualifier("isolated") ManagedExecutor isolated, ThreadNameJobs jobs) {
			this.executor = executor;
			this.reports = reports;
			this.isolated = isolated;
			this.jobs = jobs;
		}

		@GetMapping("/default")
		String onDefault() throws Exception {
			return this.executor.submit(() -> Thread.currentThread().getName()).get();
		}

		@GetMapping("/named")
		String onNamed() throws Exception {
			return this.reports.submit(() -> Thread.currentThread().getName()).get();
		}

		@GetMapping("/process")
		long onProcess() throws Exception {
			return this.isolated.submit(() -> ProcessHandle.current().pid()).get();
		}

		@GetMapping("/job")
		String onJob() throws Exception {
			return this.jobs.threadName().get();
		}

	}

	@Service
	static class ThreadNameJobs {

		@Job(executor = "reports")
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

}
