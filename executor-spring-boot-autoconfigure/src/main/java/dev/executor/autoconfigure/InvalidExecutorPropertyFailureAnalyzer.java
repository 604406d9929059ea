package dev.executor.autoconfigure;

import dev.executor.spi.InvalidExecutorPropertyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidExecutorPropertyException}: which property, which value,
 * what is wrong with it and how to fix it.
 */
class InvalidExecutorPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidExecutorPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidExecutorPropertyException cause) {
		String description = String.format("Invalid executor configuration:%n%n    Property: %s%n    Value:    %s%n"
				+ "    Reason:   %s", cause.getProperty(), (cause.getValue() != null) ? cause.getValue() : "(none)",
				cause.getReason());
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
