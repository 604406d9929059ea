package dev.executor.sample;

import java.util.concurrent.CompletableFuture;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Report work as {@link Job} methods: calling them submits the call to an executor.
 */
@Service
public class ReportJobs {

	private static final Logger logger = LoggerFactory.getLogger(ReportJobs.class);

	/**
	 * Render a report on the {@code reports} executor, stored under {@code report-<name>}.
	 * @param name the report name
	 * @return the live future of the rendering
	 */
	// tag::jobs[]
	@Job(executor = "reports", key = "'report-' + #name")
	public FutureProxy<String> render(String name) {
		return Jobs.completed("Report " + name + " rendered on " + Thread.currentThread().getName());
	}
	// end::jobs[]

	/**
	 * Count the pages of a report on the default executor.
	 * @param name the report name
	 * @return the page count
	 */
	// tag::jobs[]
	@Job
	public CompletableFuture<Integer> pages(String name) {
		return CompletableFuture.completedFuture(name.length() * 10);
	}
	// end::jobs[]

	/**
	 * Tell subscribers that a report is ready, on the {@code notifications} executor. A
	 * failure is logged and handed to failure handlers, since nobody waits for it.
	 * @param name the report name
	 */
	// tag::jobs[]
	@Job(executor = "notifications")
	public void notifyReady(String name) {
		logger.info("Report {} is ready", name);
	}
	// end::jobs[]

}
