package dev.executor.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the default executor or a named one keeps its stored futures in the
 * database ({@code futures.store=jdbc}), so that an application that only has a
 * {@code DataSource} gets no tables of ours.
 */
class OnJdbcFuturesStoreCondition extends SpringBootCondition {

	private static final String JDBC = "jdbc";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ExecutorProperties properties = Binder.get(context.getEnvironment())
			.bind("executor", ExecutorProperties.class)
			.orElseGet(ExecutorProperties::new);
		if (JDBC.equals(properties.getFutures().getStore())) {
			return ConditionOutcome.match("executor.futures.store is jdbc");
		}
		for (var named : properties.getNamed().entrySet()) {
			if (JDBC.equals(named.getValue().getFutures().getStore())) {
				return ConditionOutcome.match("executor.named." + named.getKey() + ".futures.store is jdbc");
			}
		}
		return ConditionOutcome.noMatch("no executor keeps its stored futures in the database");
	}

}
