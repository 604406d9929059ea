package dev.executor.actuate.observation;

import java.util.Locale;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.spi.TaskListener;
import dev.executor.spi.TaskObserver;
import dev.executor.spi.TaskOutcome;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Runs every task in an {@link Observation} named {@value #NAME}, so that traces show a
 * span for each task. The submitter's current observation travels into the task with
 * its context, and becomes the parent of the task's. Low cardinality keys:
 * {@code name}, the executor name, and {@code outcome}, how the task ended
 * ({@code success}, {@code failure}, {@code cancelled}, {@code timeout}); high
 * cardinality keys: {@code key}, the key of a stored future, and {@code attempt}, the
 * attempt it observes when the task is retried: each attempt has an observation of its
 * own, with the same parent.
 */
public class TaskObservations implements TaskObserver {

	/**
	 * The name of the observations.
	 */
	public static final String NAME = "executor.task";

	private static final KeyValue[] OUTCOMES = outcomes();

	private final ObservationRegistry registry;

	/**
	 * Create a new instance.
	 * @param registry the registry of the observations
	 */
	public TaskObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public TaskListener observe(ManagedExecutor executor) {
		return new ObservingListener(this.registry, executor.name());
	}

	private static KeyValue[] outcomes() {
		KeyValue[] outcomes = new KeyValue[TaskOutcome.values().length];
		for (TaskOutcome outcome : TaskOutcome.values()) {
			outcomes[outcome.ordinal()] = KeyValue.of("outcome", outcome.name().toLowerCase(Locale.ROOT));
		}
		return outcomes;
	}

	private static final class ObservingListener implements TaskListener {

		private final ObservationRegistry registry;

		private final KeyValue name;

		private final String contextualName;

		ObservingListener(ObservationRegistry registry, String executorName) {
			this.registry = registry;
			this.name = KeyValue.of("name", executorName);
			this.contextualName = "task " + executorName;
		}

		@Override
		public Scope taskStarted(FutureProxy<?> future) {
			if (this.registry.isNoop()) {
				return Scope.NONE;
			}
			Observation observation = Observation.createNotStarted(NAME, this.registry)
				.contextualName(this.contextualName)
				.lowCardinalityKeyValue(this.name);
			future.key().ifPresent((key) -> observation.highCardinalityKeyValue("key", key));
			if (future.attempts() > 1) {
				observation.highCardinalityKeyValue("attempt", Integer.toString(future.attempts()));
			}
			Observation.Scope scope = observation.start().openScope();
			return (outcome) -> {
				observation.lowCardinalityKeyValue(OUTCOMES[outcome.ordinal()]);
				if (outcome == TaskOutcome.FAILURE || outcome == TaskOutcome.TIMEOUT) {
					future.failure().ifPresent(observation::error);
				}
				scope.close();
				observation.stop();
			};
		}

	}

}
