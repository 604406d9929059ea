package dev.executor.web;

import java.util.Locale;

import dev.executor.DuplicateFutureKeyException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceAware;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * {@link ControllerAdvice @ControllerAdvice} that answers a
 * {@link DuplicateFutureKeyException} escaping a Spring MVC controller with
 * {@code 409 Conflict} and an RFC 9457 problem detail whose {@code executor} and
 * {@code key} properties name the executor and the key already in use.
 * <p>
 * The type, title and detail can be changed through the application's
 * {@link MessageSource}, with the message codes of Spring's {@link ErrorResponse}:
 * {@code problemDetail.type.dev.executor.DuplicateFutureKeyException},
 * {@code problemDetail.title.dev.executor.DuplicateFutureKeyException} and
 * {@code problemDetail.dev.executor.DuplicateFutureKeyException}, whose arguments are the
 * executor name ({@code {0}}) and the key ({@code {1}}).
 *
 * @since 0.1.0
 */
@ControllerAdvice
public class ExecutorProblemDetailsExceptionHandler implements MessageSourceAware {

	private @Nullable MessageSource messageSource;

	@Override
	public void setMessageSource(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	/**
	 * Answer a task submitted under a key that its executor already stores a future
	 * under.
	 * @param ex the exception
	 * @param locale the locale of the request
	 * @return a {@code 409 Conflict} response with a problem detail
	 */
	@ExceptionHandler
	public ErrorResponse handleDuplicateFutureKey(DuplicateFutureKeyException ex, Locale locale) {
		String executor = ex.getExecutorName();
		String key = ex.getKey();
		String detail = "Executor '" + executor + "' already stores a future under the key '" + key + "'";
		return ErrorResponse.builder(ex, HttpStatus.CONFLICT, detail)
			.detailMessageArguments(executor, key)
			.property("executor", executor)
			.property("key", key)
			.build(this.messageSource, locale);
	}

}
