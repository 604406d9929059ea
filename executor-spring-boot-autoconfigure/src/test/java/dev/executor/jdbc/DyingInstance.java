package dev.executor.jdbc;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.ManagedExecutor;
import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import dev.executor.autoconfigure.ExecutorJdbcStoreAutoConfiguration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

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
public class DyingInstance {

	public static void main(String[] args) throws IOException, InterruptedException {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DyingInstance.class)
			.web(WebApplicationType.NONE)
			.run(args);
		ManagedExecutor executor = context.getBean(ManagedExecutor.class);
		executor.submitStored("doomed", new DoomedTask());
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
