package dev.executor.docs.callbacks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.executor.DoneCallback;
import dev.executor.FutureProxy;

import org.springframework.stereotype.Component;

/**
 * Keeps how long each task of the {@code reports} executor ran: a done callback declared
 * as a bean.
 */
// tag::done-callback[]
@Component
class ReportDurations implements DoneCallback {

	private final List<Duration> durations = new CopyOnWriteArrayList<>();

	@Override
	public boolean appliesTo(String executorName) {
		return "reports".equals(executorName);
	}

	@Override
	public void accept(FutureProxy<?> future) {
		future.duration().ifPresent(this.durations::add);
	}
	// end::done-callback[]

	List<Duration> durations() {
		return List.copyOf(this.durations);
	}
	// tag::done-callback[]

}
// end::done-callback[]
