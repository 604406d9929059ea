package dev.executor.jdbc;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.OwnerLostException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.executor.jdbc.AbstractJdbcStoredFuturesTests.executor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Tests for an application instance that dies with its JVM, killed with
 * {@code SIGKILL}, while it runs a stored future's task: the instance runs in a JVM of
 * its own, started by the test, and two survivors share its database.
 */
abstract class AbstractOwnerLossTests {

	private Process dying;

	abstract TestDatabase database();

	@AfterEach
	void stop() {
		if (this.dying != null) {
			this.dying.destroyForcibly();
		}
	}

	@Test
	void runningFutureOfAKilledInstanceShouldFailOnEverySurvivorOnceNamingTheInstance() {
		String table = TestDatabase.newTableName();
		ApplicationContextRunner survivors = database().instances(table);
		survivors.run((b) -> survivors.run((c) -> {
			List<FutureProxy<Object>> seen = killWhileRunning(table, b, c);
			FutureProxy<Object> seenByB = seen.get(0);
			FutureProxy<Object> seenByC = seen.get(1);
			String owner = JdbcClient.create(b.getBean(DataSource.class))
				.sql("SELECT OWNER_NAME FROM " + table + " WHERE FUTURE_KEY = 'doomed'")
				.query(String.class)
				.single();
			await().atMost(Duration.ofSeconds(30)).until(() -> seenByB.isDone() && seenByC.isDone());
			Throwable failureOnB = failure(seenByB);
			Throwable failureOnC = failure(seenByC);
			assertThat(failureOnB).isInstanceOf(OwnerLostException.class)
				.hasMessageStartingWith("Instance " + owner + " sent no heartbeat for 2s before it finished a task "
						+ "of executor 'default', so the task's outcome is lost; instance ");
			assertThat(((OwnerLostException) failureOnB).getOwner()).isEqualTo(owner);
			assertThat(failureOnC).hasMessage(failureOnB.getMessage());
			assertThat(executor(c).futures().state("doomed"))
				.contains(FutureState.FAILED);
		}));
	}

	@Test
	void runningFutureOfAKilledInstanceShouldRunAgainOnOneSurvivorAndCompleteOnEveryOne() {
		String table = TestDatabase.newTableName();
		ApplicationContextRunner survivors = database().instances(table);
		DyingInstance.DoomedTask.runsElsewhere.set(0);
		survivors.run((b) -> survivors.run((c) -> {
			List<FutureProxy<Object>> seen = killWhileRunning(table, b, c,
					"executor.futures.jdbc.resubmit-on-owner-loss=true");
			assertThat(seen.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("run again");
			assertThat(seen.get(1).get(30, TimeUnit.SECONDS)).isEqualTo("run again");
			assertThat(DyingInstance.DoomedTask.runsElsewhere).hasValue(1);
			assertThat(executor(b).futures().state("doomed")).contains(FutureState.FINISHED);
			assertThat(executor(c).futures().<Object>get("doomed").orElseThrow().get(10, TimeUnit.SECONDS))
				.isEqualTo("run again");
		}));
	}

	@Test
	void storedJobCallOfAKilledInstanceShouldRunAgainOnTheSameBeanOfOneSurvivor() {
		String table = TestDatabase.newTableName();
		ApplicationContextRunner survivors = database().instances(table)
			.withUserConfiguration(DyingInstance.DoomedJobs.class);
		DyingInstance.DoomedJobs.runsElsewhere.set(0);
		survivors.run((b) -> survivors.run((c) -> {
			List<FutureProxy<Object>> seen = killWhileRunning(table, b, c,
					"executor.futures.jdbc.resubmit-on-owner-loss=true", "dying.submit=job");
			assertThat(seen.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("job run again");
			assertThat(seen.get(1).get(30, TimeUnit.SECONDS)).isEqualTo("job run again");
			assertThat(DyingInstance.DoomedJobs.runsElsewhere).hasValue(1);
		}));
	}

	// the futures of the two survivors, looked up before the instance is killed
	private List<FutureProxy<Object>> killWhileRunning(String table, ApplicationContext b, ApplicationContext c,
			String... properties) throws Exception {
		this.dying = start(table, properties);
		FutureProxy<Object> seenByB = executor(b).futures().get("doomed").orElseThrow();
		FutureProxy<Object> seenByC = executor(c).futures().get("doomed").orElseThrow();
		await().atMost(Duration.ofSeconds(30)).until(() -> seenByB.state() == FutureState.RUNNING);
		this.dying.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		return List.of(seenByB, seenByC);
	}

	private static Throwable failure(FutureProxy<Object> future) {
		Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
		assertThat(thrown).isInstanceOf(ExecutionException.class);
		return thrown.getCause();
	}

	private Process start(String table, String... more) throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				DyingInstance.class.getName()));
		for (String property : properties(table)) {
			command.add("--" + property);
		}
		for (String property : more) {
			command.add("--" + property);
		}
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		CompletableFuture<String> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> readOutput(process, ready), "dying-instance-output");
		reader.setDaemon(true);
		reader.start();
		assertThat(ready.get(90, TimeUnit.SECONDS)).isEqualTo("ready");
		return process;
	}

	private List<String> properties(String table) {
		return List.of("spring.datasource.url=" + database().url(), "executor.futures.store=jdbc",
				"executor.futures.jdbc.table-name=" + table, "executor.futures.jdbc.poll-interval=50ms",
				"executor.futures.jdbc.heartbeat-interval=200ms", "executor.futures.jdbc.owner-timeout=2s");
	}

	// keeps reading after the ready line, so that the instance never blocks on a full pipe
	private static void readOutput(Process process, CompletableFuture<String> ready) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.equals("ready")) {
					ready.complete(line);
				}
			}
			ready.complete("ended before it was ready");
		}
		catch (Exception ex) {
			ready.complete("failed: " + ex);
		}
	}

}
