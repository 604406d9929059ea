package dev.executor.jdbc;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.Jobs;
import dev.executor.ManagedExecutor;
import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import dev.executor.autoconfigure.ExecutorJdbcStoreAutoConfiguration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * An application instance in a JVM of its own, for tests that kill an instance the way a
 * crash would. Its arguments are the application's properties; it stores a future under
 * the key {@code doomed} whose task runs for minutes in this JVM, prints {@code ready}
 * once the task runs, and stays until its input closes. The task is serializable: run
 * again in another JVM, it ends at once.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, ExecutorJdbcStoreAutoConfiguration.class,
		ExecutorAutoConfiguration.class })
@Import(DyingInstance.DoomedJobs.class)
public class DyingInstance {

	static volatile boolean dying;

	public static void main(String[] args) throws IOException, InterruptedException {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DyingInstance.class)
			.web(WebApplicationType.NONE)
			.run(args);
		dying = true;
		ManagedExecutor executor = context.getBean(ManagedExecutor.class);
		if ("job".equals(context.getEnvironment().getProperty("dying.submit"))) {
			context.getBean(DoomedJobs.class).doom();
		}
		else {
			executor.submitStored("doomed", new DoomedTask());
		}
		while (!executor.futures().running("doomed")) {
			Thread.onSpinWait();
		}
		System.out.println("ready");
		System.out.flush();
		while (System.in.read() != -1) {
			// wait for the test to end this JVM
		}
		context.close();
	}

	/**
	 * A {@link Job @Job} method whose call is stored under the key {@code doomed}: it
	 * runs for minutes in the dying instance and ends at once elsewhere.
	 */
	public static class DoomedJobs {

		static final AtomicInteger runsElsewhere = new AtomicInteger();

		@Job(key = "'doomed'")
		public FutureProxy<String> doom() throws InterruptedException {
			if (dying) {
				Thread.sleep(Duration.ofMinutes(5).toMillis());
			}
			runsElsewhere.incrementAndGet();
			return Jobs.completed("job run again");
		}

	}

	/**
	 * The task of the future {@code doomed}.
	 */
	static final class DoomedTask implements Callable<String>, Serializable {

		static final AtomicInteger runsElsewhere = new AtomicInteger();

		private final long submitter = ProcessHandle.current().pid();

		@Override
		public String call() throws InterruptedException {
			if (ProcessHandle.current().pid() == this.submitter) {
				Thread.sleep(Duration.ofMinutes(5).toMillis());
				return "never";
			}
			runsElsewhere.incrementAndGet();
			return "run again";
		}

	}

}
