package dev.executor.actuate.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * {@link CompositeHealthContributor} of every managed executor, each by its name, with
 * an {@link ExecutorHealthIndicator}.
 */
public class ExecutorsHealthContributor implements CompositeHealthContributor {

	private final CompositeHealthContributor executors;

	/**
	 * Create a new contributor.
	 * @param executors the executors
	 */
	public ExecutorsHealthContributor(ManagedExecutors executors) {
		Map<String, ExecutorHealthIndicator> indicators = new LinkedHashMap<>();
		for (ManagedExecutor executor : executors) {
			indicators.put(executor.name(), new ExecutorHealthIndicator(executor));
		}
		this.executors = CompositeHealthContributor.fromMap(indicators);
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		return this.executors.getContributor(name);
	}

	@Override
	public Stream<Entry> stream() {
		return this.executors.stream();
	}

}
