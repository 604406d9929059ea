package dev.executor.actuate.endpoint;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.executor.ExecutorStats;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.StoredFutures;
import dev.executor.TestFutures;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExceptionDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.ExecutorDetailsDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.FutureDescriptor;
import dev.executor.actuate.endpoint.ExecutorsEndpointDescriptors.FutureDetailsDescriptor;
import dev.executor.core.DefaultManagedExecutors;
import dev.executor.futures.LocalStoredFutures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ExecutorsEndpointWebExtension}.
 */
class ExecutorsEndpointWebExtensionTests {

	private final StoredFutures futures = new LocalStoredFutures("reports", 10, null);

	private final ExecutorsEndpoint endpoint = new ExecutorsEndpoint(
			new DefaultManagedExecutors(List.of(executor("reports", this.futures))), JsonMapper.builder().build());

	@Test
	void executorShouldAnswerTheExecutorWithItsFutures() {
		store("job-1");
		WebEndpointResponse<Object> response = extension(Show.NEVER).executor("reports");
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
		assertThat(response.getBody()).isInstanceOfSatisfying(ExecutorDetailsDescriptor.class,
				(executor) -> assertThat(executor.getFutures()).extracting(FutureDescriptor::getKey)
					.containsExactly("job-1"));
	}

	@Test
	void executorWhenUnknownShouldAnswerNotFoundNamingIt() {
		WebEndpointResponse<Object> response = extension(Show.NEVER).executor("nope");
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		assertThat(message(response)).isEqualTo("No executor named 'nope'");
	}

	@Test
	void futureWhenKeyIsUnknownShouldAnswerNotFoundNamingTheKey() {
		WebEndpointResponse<Object> response = extension(Show.ALWAYS).future(SecurityContext.NONE, "reports",
				"reports", "2026");
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		assertThat(message(response)).isEqualTo("Executor 'reports' stores no future under the key 'reports/2026'");
	}

	@Test
	void futureWhenExecutorIsUnknownShouldAnswerNotFoundNamingTheExecutor() {
		WebEndpointResponse<Object> response = extension(Show.ALWAYS).future(SecurityContext.NONE, "nope", "job-1");
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		assertThat(message(response)).isEqualTo("No executor named 'nope'");
	}

	@Test
	void futureWhenShowValuesIsAlwaysShouldShowTheResult() {
		store("job-1").complete("done");
		WebEndpointResponse<Object> response = extension(Show.ALWAYS).future(SecurityContext.NONE, "reports",
				"job-1");
		assertThat(result(response)).hasToString("\"done\"");
	}

	@Test
	void futureWhenShowValuesIsNeverShouldSanitizeTheResult() {
		store("job-1").complete("done");
		WebEndpointResponse<Object> response = extension(Show.NEVER).future(SecurityContext.NONE, "reports",
				"job-1");
		assertThat(result(response)).isEqualTo("******");
	}

	@Test
	void futureWhenShowValuesIsWhenAuthorizedAndUserHasARoleShouldShowTheResult() {
		store("job-1").complete("done");
		WebEndpointResponse<Object> response = extension(Show.WHEN_AUTHORIZED, "ADMIN").future(user("ADMIN"),
				"reports", "job-1");
		assertThat(result(response)).hasToString("\"done\"");
	}

	@Test
	void futureWhenShowValuesIsWhenAuthorizedAndUserLacksTheRoleShouldSanitizeTheResult() {
		store("job-1").complete("done");
		WebEndpointResponse<Object> response = extension(Show.WHEN_AUTHORIZED, "ADMIN").future(user("GUEST"),
				"reports", "job-1");
		assertThat(result(response)).isEqualTo("******");
	}

	@Test
	void executorShouldAnswerItsHealthAndItsFailedAndCancelledTasks() {
		WebEndpointResponse<Object> response = extension(Show.NEVER).executor("reports");
		assertThat(response.getBody()).isInstanceOfSatisfying(ExecutorDetailsDescriptor.class, (executor) -> {
			assertThat(executor.getHealth().getStatus()).isEqualTo("UP");
			assertThat(executor.getFailed()).isEqualTo(3);
			assertThat(executor.getCancelled()).isEqualTo(1);
		});
	}

	@Test
	void executorShouldAnswerTheAttemptsOfItsFutures() {
		store("job-1");
		WebEndpointResponse<Object> response = extension(Show.NEVER).executor("reports");
		assertThat(response.getBody()).isInstanceOfSatisfying(ExecutorDetailsDescriptor.class,
				(executor) -> assertThat(executor.getFutures()).extracting(FutureDescriptor::getAttempts)
					.containsExactly(0));
	}

	@Test
	void futureWhenShowValuesIsWhenAuthorizedAndUserHasARoleShouldShowTheStackTrace() {
		store("job-1").completeExceptionally(new IllegalStateException("no paper"));
		WebEndpointResponse<Object> response = extension(Show.WHEN_AUTHORIZED, "ADMIN").future(user("ADMIN"),
				"reports", "job-1");
		assertThat(exception(response).getStackTrace()).startsWith("java.lang.IllegalStateException: no paper");
	}

	@Test
	void futureWhenShowValuesIsWhenAuthorizedAndUserLacksTheRoleShouldSanitizeTheStackTrace() {
		store("job-1").completeExceptionally(new IllegalStateException("no paper"));
		WebEndpointResponse<Object> response = extension(Show.WHEN_AUTHORIZED, "ADMIN").future(user("GUEST"),
				"reports", "job-1");
		assertThat(exception(response).getStackTrace()).isEqualTo("******");
	}

	@Test
	void cancelShouldAnswerTheCancelledFuture() {
		FutureProxy<Object> stored = store("reports/2026");
		WebEndpointResponse<Object> response = extension(Show.NEVER).cancel("reports", "reports", "2026");
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
		assertThat(response.getBody()).isInstanceOfSatisfying(FutureDescriptor.class,
				(future) -> assertThat(future.getState()).isEqualTo(FutureState.CANCELLED));
		assertThat(stored.isCancelled()).isTrue();
	}

	@Test
	void cancelWhenKeyIsUnknownShouldAnswerNotFound() {
		WebEndpointResponse<Object> response = extension(Show.NEVER).cancel("reports", "job-2");
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		assertThat(message(response)).isEqualTo("Executor 'reports' stores no future under the key 'job-2'");
	}

	private ExecutorsEndpointWebExtension extension(Show showValues, String... roles) {
		return new ExecutorsEndpointWebExtension(this.endpoint, showValues, Set.of(roles));
	}

	private FutureProxy<Object> store(String key) {
		FutureProxy<Object> future = TestFutures.incomplete("reports", Runnable::run);
		this.futures.add(key, future);
		return future;
	}

	private static Object result(WebEndpointResponse<Object> response) {
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
		assertThat(response.getBody()).isInstanceOf(FutureDetailsDescriptor.class);
		return ((FutureDetailsDescriptor) response.getBody()).getResult();
	}

	private static ExceptionDescriptor exception(WebEndpointResponse<Object> response) {
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
		assertThat(response.getBody()).isInstanceOf(FutureDetailsDescriptor.class);
		ExceptionDescriptor exception = ((FutureDetailsDescriptor) response.getBody()).getException();
		assertThat(exception).isNotNull();
		return exception;
	}

	@SuppressWarnings("unchecked")
	private static Object message(WebEndpointResponse<Object> response) {
		assertThat(response.getBody()).isInstanceOf(OperationResponseBody.class);
		return ((Map<String, Object>) response.getBody()).get("message");
	}

	private static SecurityContext user(String role) {
		SecurityContext context = mock(SecurityContext.class);
		given(context.getPrincipal()).willReturn(mock(Principal.class));
		given(context.isUserInRole(role)).willReturn(true);
		return context;
	}

	private static ManagedExecutor executor(String name, StoredFutures futures) {
		ManagedExecutor executor = mock(ManagedExecutor.class);
		given(executor.name()).willReturn(name);
		given(executor.type()).willReturn("thread");
		given(executor.futures()).willReturn(futures);
		given(executor.stats()).willReturn(ExecutorStats.builder().maxWorkers(2).failed(3).cancelled(1).build());
		return executor;
	}

}
