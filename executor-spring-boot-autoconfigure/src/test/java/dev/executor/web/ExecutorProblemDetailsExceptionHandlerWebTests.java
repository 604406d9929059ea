package dev.executor.web;

import java.util.Map;

import dev.executor.DuplicateFutureKeyException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static dev.executor.web.ProblemDetailsApplication.storeReport;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests over real HTTP of the answer a Spring MVC application gives when a
 * {@link DuplicateFutureKeyException} escapes one of its controllers.
 */
class ExecutorProblemDetailsExceptionHandlerWebTests {

	@Nested
	@SpringBootTest(classes = ProblemDetailsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
	class WithoutAdviceOfTheApplication {

		@LocalServerPort
		private int port;

		@Test
		void duplicateKeyShouldAnswerConflictWithAProblemDetailNamingTheExecutorAndTheKey() {
			assertThat(storeReport(this.port, "/reports", "q3").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
			ResponseEntity<Map<String, Object>> response = storeReport(this.port, "/reports", "q3");
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).isEqualTo(Map.of("title", "Conflict", "status", 409, "detail",
					"Executor 'default' already stores a future under the key 'q3'", "instance", "/reports/q3",
					"executor", "default", "key", "q3"));
		}

		@Test
		void exceptionHandlerOfTheControllerShouldWin() {
			storeReport(this.port, "/handled-reports", "q4");
			ResponseEntity<Map<String, Object>> response = storeReport(this.port, "/handled-reports", "q4");
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody()).isEqualTo(Map.of("existing", "q4"));
		}

	}

	@Nested
	@SpringBootTest(classes = ProblemDetailsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
	@Import(ApplicationAdvice.class)
	class WithAdviceOfTheApplication {

		@LocalServerPort
		private int port;

		@Test
		void adviceOfTheApplicationShouldWin() {
			storeReport(this.port, "/reports", "q3");
			ResponseEntity<Map<String, Object>> response = storeReport(this.port, "/reports", "q3");
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
			assertThat(response.getBody()).isEqualTo(Map.of("existing", "q3"));
		}

	}

	@Nested
	@SpringBootTest(classes = ProblemDetailsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "spring.messages.basename=problem-details")
	class WithMessagesOfTheApplication {

		@LocalServerPort
		private int port;

		@Test
		void messagesOfTheApplicationShouldGiveTheTypeTitleAndDetail() {
			storeReport(this.port, "/reports", "q3");
			ResponseEntity<Map<String, Object>> response = storeReport(this.port, "/reports", "q3");
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(response.getBody()).isEqualTo(Map.of("type", "https://example.com/problems/report-running",
					"title", "Report already running", "status", 409, "detail",
					"The report q3 is already running on default", "instance", "/reports/q3", "executor", "default",
					"key", "q3"));
		}

	}

	@RestControllerAdvice
	static class ApplicationAdvice {

		@ExceptionHandler
		ResponseEntity<Map<String, Object>> alreadyStored(DuplicateFutureKeyException ex) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).body(Map.of("existing", ex.getKey()));
		}

	}

}
