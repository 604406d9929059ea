package dev.executor.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.executor.NoSuchExecutorException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link NoSuchExecutorException} that stops start-up, such as a
 * {@link dev.executor.Job @Job} method naming an executor that is not configured: which
 * name, the executors that exist, and how to configure the missing one.
 */
class NoSuchExecutorFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchExecutorException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoSuchExecutorException cause) {
		String name = cause.getName();
		Set<String> known = new LinkedHashSet<>(cause.getKnownNames());
		String closest = ExecutorKeys.closest(name, known);
		String action = ((closest != null) ? "Did you mean '" + closest + "'? " : "") + "Name one of the executors "
				+ known + ", or configure an executor named '" + name + "' with executor.named." + name
				+ ".* properties, for example executor.named." + name + ".type=thread";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
