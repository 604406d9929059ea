package dev.executor.web;

import java.util.Map;

import dev.executor.DuplicateFutureKeyException;
import dev.executor.ManagedExecutor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * A Spring MVC application without Spring Security whose controllers store a report
 * under the key a client asks for: {@code /reports/{key}} leaves a duplicate key to the
 * auto-configuration, {@code /handled-reports/{key}} handles it itself.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = { SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
		ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
		ManagementWebSecurityAutoConfiguration.class })
@Import({ ProblemDetailsApplication.ReportController.class, ProblemDetailsApplication.HandlingReportController.class })
class ProblemDetailsApplication {

	static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	/**
	 * Ask the application on the given port to store a report under the given key.
	 * @param port the port of the application
	 * @param path the path of the controller
	 * @param key the key
	 * @return the response, whatever its status
	 */
	static ResponseEntity<Map<String, Object>> storeReport(int port, String path, String key) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build()
			.post()
			.uri(path + "/{key}", key)
			.retrieve()
			.toEntity(JSON_OBJECT);
	}

	@RestController
	static class ReportController {

		private final ManagedExecutor executor;

		ReportController(ManagedExecutor executor) {
			this.executor = executor;
		}

		@PostMapping("/reports/{key}")
		ResponseEntity<Map<String, Object>> store(@PathVariable String key) {
			this.executor.submitStored(key, () -> "report " + key);
			return ResponseEntity.accepted().body(Map.of("key", key));
		}

	}

	@RestController
	static class HandlingReportController {

		private final ManagedExecutor executor;

		HandlingReportController(ManagedExecutor executor) {
			this.executor = executor;
		}

		@PostMapping("/handled-reports/{key}")
		ResponseEntity<Map<String, Object>> store(@PathVariable String key) {
			this.executor.submitStored(key, () -> "report " + key);
			return ResponseEntity.accepted().body(Map.of("key", key));
		}

		@ExceptionHandler
		ResponseEntity<Map<String, Object>> alreadyStored(DuplicateFutureKeyException ex) {
			return ResponseEntity.status(HttpStatus.OK).body(Map.of("existing", ex.getKey()));
		}

	}

}
