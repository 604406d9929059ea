package dev.executor.web;

import java.util.Locale;
import java.util.Map;

import dev.executor.DuplicateFutureKeyException;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExecutorProblemDetailsExceptionHandler}.
 */
class ExecutorProblemDetailsExceptionHandlerTests {

	private final ExecutorProblemDetailsExceptionHandler handler = new ExecutorProblemDetailsExceptionHandler();

	@Test
	void duplicateFutureKeyShouldBeAConflictNamingTheExecutorAndTheKey() {
		ErrorResponse response = this.handler.handleDuplicateFutureKey(duplicate(), Locale.ENGLISH);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		ProblemDetail body = response.getBody();
		assertThat(body.getDetail()).isEqualTo("Executor 'reports' already stores a future under the key 'q3'");
		assertThat(body.getProperties()).isEqualTo(Map.of("executor", "reports", "key", "q3"));
	}

	@Test
	void duplicateFutureKeyShouldTakeItsDetailFromTheMessageSourceWithTheExecutorAndTheKey() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("problemDetail.dev.executor.DuplicateFutureKeyException", Locale.GERMAN,
				"Der Bericht {1} wird schon von {0} erstellt");
		this.handler.setMessageSource(messages);
		ErrorResponse response = this.handler.handleDuplicateFutureKey(duplicate(), Locale.GERMAN);
		assertThat(response.getBody().getDetail()).isEqualTo("Der Bericht q3 wird schon von reports erstellt");
	}

	private static DuplicateFutureKeyException duplicate() {
		return new DuplicateFutureKeyException("reports", "q3");
	}

}
