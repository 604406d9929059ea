package dev.executor.docs.callbacks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.executor.TaskFailedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Collects alerts about failed tasks from {@link TaskFailedEvent}s.
 */
// tag::failed-event[]
@Component
class FailureAlerts {

	private final List<String> alerts = new CopyOnWriteArrayList<>();

	@EventListener
	void taskFailed(TaskFailedEvent failure) {
		String key = failure.getKey().map((name) -> " '" + name + "'").orElse("");
		this.alerts.add("Task" + key + " on " + failure.getExecutorName() + ": " + failure.getException().getMessage());
	}
	// end::failed-event[]

	List<String> alerts() {
		return List.copyOf(this.alerts);
	}
	// tag::failed-event[]

}
// end::failed-event[]
