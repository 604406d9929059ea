package dev.executor.process;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.RemoteTaskException;
import dev.executor.TaskNotSerializableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.slf4j.MDC;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for what travels between the application and the worker processes of a
 * {@code process} executor: tasks, results, exceptions and context. The tests share one
 * executor with two workers.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ProcessExecutorTests {

	private ManagedExecutor executor;

	@BeforeAll
	void createExecutor() {
		this.executor = TestProcessExecutors.create("executor.max-workers=2");
	}

	@AfterAll
	void closeExecutor() {
		this.executor.close();
	}

	@AfterEach
	void clearContext() {
		MDC.clear();
		SecurityContextHolder.clearContext();
	}

	@Test
	void taskShouldRunInAWorkerProcessAndReturnItsResult() throws Exception {
		long applicationPid = ProcessHandle.current().pid();
		FutureProxy<Long> pid = this.executor.submit(() -> ProcessHandle.current().pid());
		assertThat(pid.get(10, TimeUnit.SECONDS)).isNotEqualTo(applicationPid)
			.isIn(pool().workerProcesses().stream().map(ProcessHandle::pid).toList());
	}

	@Test
	void capturedValuesShouldTravelWithTheTask() throws Exception {
		List<String> words = List.of("process", "pool");
		FutureProxy<String> joined = this.executor.submit(() -> String.join("-", words).toUpperCase());
		assertThat(joined.get(10, TimeUnit.SECONDS)).isEqualTo("PROCESS-POOL");
	}

	@Test
	void nullResultShouldComeBackAsNull() throws Exception {
		FutureProxy<?> done = this.executor.submit(() -> System.out.println("printed in a worker, not in the results"));
		assertThat(done.get(10, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void mapShouldRunEveryItemInAWorkerInInputOrder() {
		assertThat(this.executor.map((Integer n) -> n * n, List.of(3, 1, 2)).toList()).containsExactly(9, 1, 4);
	}

	@Test
	void exceptionShouldKeepItsClassMessageAndStackTrace() {
		FutureProxy<Object> failing = this.executor.submit(ProcessExecutorTests::failInWorker);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isExactlyInstanceOf(IllegalStateException.class)
			.withMessage("broken in a worker")
			.satisfies((ex) -> assertThat(ex.getStackTrace()[0].getMethodName()).isEqualTo("failInWorker"));
	}

	@Test
	void exceptionThatCannotBeSerialisedShouldComeBackAsAStandInNamingItsClass() {
		FutureProxy<Object> failing = this.executor.submit(() -> {
			throw new UnserialisableException("holds something that cannot travel");
		});
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isExactlyInstanceOf(RemoteTaskException.class)
			.withMessage(UnserialisableException.class.getName() + ": holds something that cannot travel")
			.satisfies((ex) -> assertThat(((RemoteTaskException) ex).getRemoteClassName())
				.isEqualTo(UnserialisableException.class.getName()));
	}

	@Test
	void taskCapturingSomethingUnserialisableShouldBeRejectedAtSubmitNamingIt() {
		Unserialisable captured = new Unserialisable();
		assertThatExceptionOfType(TaskNotSerializableException.class)
			.isThrownBy(() -> this.executor.submit(() -> captured.toString()))
			.withMessage("Task for executor 'default' cannot be sent to a worker process: "
					+ Unserialisable.class.getName() + " is not serializable (captured by the lambda in "
					+ ProcessExecutorTests.class.getName()
					+ ".taskCapturingSomethingUnserialisableShouldBeRejectedAtSubmitNamingIt); make it "
					+ "implement java.io.Serializable, or capture only serializable values")
			.satisfies((ex) -> assertThat(ex.getClassName()).isEqualTo(Unserialisable.class.getName()));
		// the executor may still be finishing an earlier test's task
		await().until(() -> this.executor.stats().inFlight() == 0);
	}

	@Test
	void lambdaThatIsNotSerializableShouldBeRejectedAtSubmitSayingWhy() {
		Callable<String> plain = () -> "held in a Callable variable";
		assertThatExceptionOfType(TaskNotSerializableException.class).isThrownBy(() -> this.executor.submit(plain))
			.withMessageStartingWith("Task for executor 'default' cannot be sent to a worker process: it is a lambda "
					+ "that was not created serializable (" + ProcessExecutorTests.class.getName() + "$$Lambda")
			.withMessageEndingWith("); pass the lambda to submit directly rather than through a Callable or Runnable "
					+ "variable");
	}

	@Test
	void runnableThatIsNotSerializableShouldBeRejectedAtSubmitSayingWhy() {
		Runnable plain = () -> {
		};
		assertThatExceptionOfType(TaskNotSerializableException.class).isThrownBy(() -> this.executor.submit(plain))
			.withMessageStartingWith("Task for executor 'default' cannot be sent to a worker process: it is a lambda "
					+ "that was not created serializable (" + ProcessExecutorTests.class.getName() + "$$Lambda")
			.withMessageEndingWith("); pass the lambda to submit directly rather than through a Callable or Runnable "
					+ "variable");
	}

	@Test
	void taskWhoseClassIsNotSerializableShouldBeRejectedAtSubmitNamingIt() {
		assertThatExceptionOfType(TaskNotSerializableException.class)
			.isThrownBy(() -> this.executor.submit(new PlainTask()))
			.withMessage("Task for executor 'default' cannot be sent to a worker process: its class "
					+ PlainTask.class.getName() + " does not implement java.io.Serializable");
	}

	@Test
	void resultThatCannotBeSerialisedShouldFailTheFutureNamingItsClass() {
		FutureProxy<Unserialisable> result = this.executor.submit(Unserialisable::new);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isExactlyInstanceOf(TaskNotSerializableException.class)
			.withMessageStartingWith("The result of a task on executor 'default' cannot be sent back from worker process "
					+ "default-worker-")
			.withMessageEndingWith(": " + Unserialisable.class.getName()
					+ " is not serializable; return a serializable value");
	}

	@Test
	void mdcShouldTravelIntoTheWorkerAndStayThere() throws Exception {
		MDC.put("requestId", "42");
		FutureProxy<String> seen = this.executor.submit(() -> MDC.get("requestId"));
		assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("42");
		MDC.clear();
		for (int i = 0; i < 4; i++) {
			assertThat(this.executor.submit(() -> MDC.get("requestId")).get(10, TimeUnit.SECONDS)).isNull();
		}
	}

	@Test
	void securityPrincipalShouldTravelIntoTheWorker() throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
		FutureProxy<String> seen = this.executor
			.submit(() -> SecurityContextHolder.getContext().getAuthentication().getName());
		assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("alice");
	}

	private ProcessPool pool() {
		return this.executor.pool(ProcessPool.class).orElseThrow();
	}

	private static Object failInWorker() {
		throw new IllegalStateException("broken in a worker");
	}

	static class Unserialisable {

	}

	static class PlainTask implements Callable<String> {

		@Override
		public String call() {
			return "plain";
		}

	}

	static class UnserialisableException extends RuntimeException {

		@SuppressWarnings("unused")
		private final Object detail = new Unserialisable();

		UnserialisableException(String message) {
			super(message);
		}

	}

}
