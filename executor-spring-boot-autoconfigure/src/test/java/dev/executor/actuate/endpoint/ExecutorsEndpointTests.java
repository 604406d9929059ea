package dev.executor.actuate.endpoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.executor.ExecutorStats;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.StoredFutures;
import dev.executor.TestFutures;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExecutorDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExecutorDetailsDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.FutureDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.FutureDetailsDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.HealthDescriptor;
import dev.executor.core.DefaultManagedExecutors;
import dev.executor.futures.LocalStoredFutures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ExecutorsEndpoint}.
 */
class ExecutorsEndpointTests {

	private final StoredFutures futures = new LocalStoredFutures("reports", 10, null);

	private final ManagedExecutor reports = executor("reports", "process", this.futures);

	private final ExecutorsEndpoint endpoint = new ExecutorsEndpoint(new DefaultManagedExecutors(
			List.of(executor("default", "thread", new LocalStoredFutures("default", 10, null)), this.reports)),
			JsonMapper.builder().build());

	@Test
	void executorsShouldDescribeEveryExecutorWithItsFigures() {
		Map<String, ExecutorDescriptor> executors = this.endpoint.executors().getExecutors();
		assertThat(executors).containsOnlyKeys("default", "reports");
		ExecutorDescriptor reports = executors.get("reports");
		assertThat(reports.getType()).isEqualTo("process");
		assertThat(reports.getMaxWorkers()).isEqualTo(4);
		assertThat(reports.getActive()).isEqualTo(1);
		assertThat(reports.getQueued()).isEqualTo(2);
		assertThat(reports.getCompleted()).isEqualTo(3);
		assertThat(reports.getRejected()).isEqualTo(5);
		assertThat(reports.getStoredFutures()).isEqualTo(6);
	}

	@Test
	void executorsShouldCountFailedAndCancelledTasks() {
		ExecutorDescriptor reports = this.endpoint.executors().getExecutors().get("reports");
		assertThat(reports.getFailed()).isEqualTo(7);
		assertThat(reports.getCancelled()).isEqualTo(8);
	}

	@Test
	void executorsWhenExecutorAcceptsWorkShouldDescribeItAsUp() {
		HealthDescriptor health = this.endpoint.executors().getExecutors().get("reports").getHealth();
		assertThat(health.getStatus()).isEqualTo("UP");
		assertThat(health.getReason()).isNull();
	}

	@Test
	void executorsWhenExecutorIsShutDownShouldDescribeItAsDownWithTheReason() {
		given(this.reports.isShutdown()).willReturn(true);
		HealthDescriptor health = this.endpoint.executors().getExecutors().get("reports").getHealth();
		assertThat(health.getStatus()).isEqualTo("DOWN");
		assertThat(health.getReason()).isEqualTo("shut down");
	}

	@Test
	void executorShouldListItsStoredFuturesByKey() {
		this.futures.add("job-1", TestFutures.incomplete("reports", Runnable::run));
		ExecutorDetailsDescriptor reports = this.endpoint.executor("reports");
		assertThat(reports).isNotNull();
		assertThat(reports.getName()).isEqualTo("reports");
		assertThat(reports.getFutures()).extracting(FutureDescriptor::getKey, FutureDescriptor::getState)
			.containsExactly(tuple("job-1", FutureState.PENDING));
	}

	@Test
	void executorWhenUnknownShouldBeNull() {
		assertThat(this.endpoint.executor("nope")).isNull();
	}

	@Test
	void futureWhenValuesAreNotShownShouldSanitizeItsResult() {
		store("job-1").complete(Map.of("total", 42));
		FutureDetailsDescriptor future = this.endpoint.future("reports", "job-1", false);
		assertThat(future).isNotNull();
		assertThat(future.getState()).isEqualTo(FutureState.FINISHED);
		assertThat(future.getResult()).isEqualTo("******");
	}

	@Test
	void futureWhenValuesAreShownShouldGiveItsResultAsJson() {
		store("job-1").complete(Map.of("total", 42));
		FutureDetailsDescriptor future = this.endpoint.future("reports", "job-1", true);
		assertThat(future).isNotNull();
		assertThat(future.getResult()).hasToString("{\"total\":42}");
		assertThat(future.getExecutor()).isEqualTo("reports");
	}

	@Test
	void futureThatFailedWhenValuesAreShownShouldGiveItsExceptionTypeAndMessage() {
		store("job-1").completeExceptionally(new IllegalStateException("no paper"));
		FutureDetailsDescriptor future = this.endpoint.future("reports", "job-1", true);
		assertThat(future).isNotNull();
		assertThat(future.getResult()).isNull();
		assertThat(future.getException()).isNotNull();
		assertThat(future.getException().getType()).isEqualTo(IllegalStateException.class.getName());
		assertThat(future.getException().getMessage()).isEqualTo("no paper");
	}

	@Test
	void futureThatFailedWhenValuesAreNotShownShouldSanitizeItsException() {
		store("job-1").completeExceptionally(new IllegalStateException("no paper"));
		FutureDetailsDescriptor future = this.endpoint.future("reports", "job-1", false);
		assertThat(future).isNotNull();
		assertThat(future.getException()).isNotNull();
		assertThat(future.getException().getType()).isEqualTo("******");
		assertThat(future.getException().getMessage()).isEqualTo("******");
	}

	@Test
	void futureThatFailedWhenValuesAreShownShouldGiveItsStackTrace() {
		store("job-1").completeExceptionally(new IllegalStateException("no paper"));
		FutureDetailsDescriptor future = this.endpoint.future("reports", "job-1", true);
		assertThat(future).isNotNull();
		assertThat(future.getException()).isNotNull();
		assertThat(future.getException().getStackTrace())
			.startsWith("java.lang.IllegalStateException: no paper" + System.lineSeparator() + "\tat ")
			.contains(getClass().getName() + ".futureThatFailedWhenValuesAreShownShouldGiveItsStackTrace(");
	}

	@Test
	void futureThatFailedWhenValuesAreNotShownShouldSanitizeItsStackTrace() {
		store("job-1").completeExceptionally(new IllegalStateException("no paper"));
		FutureDetailsDescriptor future = this.endpoint.future("reports", "job-1", false);
		assertThat(future).isNotNull();
		assertThat(future.getException()).isNotNull();
		assertThat(future.getException().getStackTrace()).isEqualTo("******");
	}

	@Test
	void futureShouldGiveTheNumberOfAttemptsStarted() {
		this.futures.add("job-1", new FutureProxy<>("reports", Runnable::run) {

			@Override
			public int attempts() {
				return 3;
			}

		});
		FutureDetailsDescriptor future = this.endpoint.future("reports", "job-1", false);
		assertThat(future).isNotNull();
		assertThat(future.getAttempts()).isEqualTo(3);
	}

	@Test
	void futureWaitingForAnotherAttemptWhenValuesAreShownShouldGiveTheLastAttemptsFailure() {
		this.futures.add("job-1", retriedFuture(new IllegalStateException("partner timed out")));
		FutureDetailsDescriptor future = this.endpoint.future("reports", "job-1", true);
		assertThat(future).isNotNull();
		assertThat(future.getState()).isEqualTo(FutureState.PENDING);
		assertThat(future.getException()).isNull();
		assertThat(future.getLastFailure()).isNotNull().satisfies((failure) -> {
			assertThat(failure.getType()).isEqualTo(IllegalStateException.class.getName());
			assertThat(failure.getMessage()).isEqualTo("partner timed out");
			assertThat(failure.getStackTrace()).startsWith("java.lang.IllegalStateException: partner timed out");
		});
	}

	@Test
	void futureWaitingForAnotherAttemptWhenValuesAreNotShownShouldSanitizeTheLastAttemptsFailure() {
		this.futures.add("job-1", retriedFuture(new IllegalStateException("partner timed out")));
		FutureDetailsDescriptor future = this.endpoint.future("reports", "job-1", false);
		assertThat(future).isNotNull();
		assertThat(future.getLastFailure()).isNotNull().satisfies((failure) -> {
			assertThat(failure.getType()).isEqualTo("******");
			assertThat(failure.getMessage()).isEqualTo("******");
			assertThat(failure.getStackTrace()).isEqualTo("******");
		});
	}

	@Test
	void futureThatFinishedShouldGiveNoLastFailure() {
		FutureProxy<Object> stored = store("job-1");
		stored.complete("done");
		FutureDetailsDescriptor future = this.endpoint.future("reports", "job-1", true);
		assertThat(future).isNotNull();
		assertThat(future.getLastFailure()).isNull();
	}

	private static FutureProxy<Object> retriedFuture(Throwable lastFailure) {
		return new FutureProxy<>("reports", Runnable::run) {

			@Override
			public int attempts() {
				return 1;
			}

			@Override
			public Optional<Throwable> lastFailure() {
				return Optional.of(lastFailure);
			}

		};
	}

	@Test
	void futureWhenKeyOrExecutorIsUnknownShouldBeNull() {
		store("job-1");
		assertThat(this.endpoint.future("reports", "job-2", true)).isNull();
		assertThat(this.endpoint.future("nope", "job-1", true)).isNull();
	}

	@Test
	void cancelShouldCancelTheStoredFutureAndRemoveIt() {
		FutureProxy<Object> stored = store("job-1");
		FutureDescriptor cancelled = this.endpoint.cancel("reports", "job-1");
		assertThat(cancelled).isNotNull();
		assertThat(cancelled.getState()).isEqualTo(FutureState.CANCELLED);
		assertThat(stored.isCancelled()).isTrue();
		assertThat(this.futures.contains("job-1")).isFalse();
	}

	@Test
	void cancelShouldJoinThePathSegmentsOfAKeyWithSlashes() {
		FutureProxy<Object> stored = store("reports/2026/12");
		assertThat(this.endpoint.cancel("reports", "reports", "2026", "12")).isNotNull();
		assertThat(stored.isCancelled()).isTrue();
	}

	@Test
	void cancelWhenKeyIsUnknownShouldBeNullAndCancelNothing() {
		FutureProxy<Object> stored = store("job-1");
		assertThat(this.endpoint.cancel("reports", "job-2")).isNull();
		assertThat(stored.isCancelled()).isFalse();
	}

	private FutureProxy<Object> store(String key) {
		FutureProxy<Object> future = TestFutures.incomplete("reports", Runnable::run);
		this.futures.add(key, future);
		return future;
	}

	private static ManagedExecutor executor(String name, String type, StoredFutures futures) {
		ManagedExecutor executor = mock(ManagedExecutor.class);
		given(executor.name()).willReturn(name);
		given(executor.type()).willReturn(type);
		given(executor.futures()).willReturn(futures);
		given(executor.stats()).willReturn(ExecutorStats.builder()
			.maxWorkers(4)
			.active(1)
			.queued(2)
			.completed(3)
			.rejected(5)
			.storedFutures(6)
			.failed(7)
			.cancelled(8)
			.build());
		return executor;
	}

}
