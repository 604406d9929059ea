package dev.executor.autoconfigure;

import java.util.concurrent.Callable;

import dev.executor.ManagedExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests over real HTTP that adding the starter keeps Spring Boot's
 * {@code applicationTaskExecutor} for Spring MVC's async request processing.
 */
@SpringBootTest(classes = ApplicationTaskExecutorWebTests.WebApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "executor.max-workers=2", "executor.named.reports.max-workers=1",
				"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
class ApplicationTaskExecutorWebTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void mvcAsyncRequestShouldRunOnApplicationTaskExecutor() {
		String threadName = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/async")
			.retrieve()
			.body(String.class);
		assertThat(threadName).startsWith("task-");
		assertThat(this.context.getBean("applicationTaskExecutor")).isInstanceOf(ThreadPoolTaskExecutor.class);
	}

	@Test
	void managedExecutorShouldServeTheSameApplication() throws Exception {
		String threadName = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/managed")
			.retrieve()
			.body(String.class);
		assertThat(threadName).startsWith("executor-");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ThreadNameController.class)
	static class WebApplication {

	}

	@RestController
	static class ThreadNameController {

		private final ManagedExecutor executor;

		ThreadNameController(ManagedExecutor executor) {
			this.executor = executor;
		}

		@GetMapping("/async")
		Callable<String> async() {
			return () -> Thread.currentThread().getName();
		}

		@GetMapping("/managed")
		String managed() throws Exception {
			return this.executor.submit(() -> Thread.currentThread().getName()).get();
		}

	}

}
