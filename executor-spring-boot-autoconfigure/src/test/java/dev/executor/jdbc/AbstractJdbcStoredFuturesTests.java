package dev.executor.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.executor.DuplicateFutureKeyException;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.Job;
import dev.executor.Jobs;
import dev.executor.ManagedExecutor;
import dev.executor.TaskNotSerializableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for stored futures kept in the application's database
 * ({@code futures.store=jdbc}): two application contexts on one database are two
 * application instances, A and B, each with a default executor of its own.
 */
abstract class AbstractJdbcStoredFuturesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private ApplicationContextRunner instances;

	private String table;

	abstract TestDatabase database();

	@BeforeEach
	void newTables() {
		this.table = TestDatabase.newTableName();
		this.instances = database().instances(this.table, "executor.futures.max-length=3");
	}

	@AfterEach
	void releaseTasks() {
		Blockers.release.countDown();
	}

	@Test
	void futureStoredByAShouldBeReadWithItsResultFromB() {
		this.instances.run((a) -> this.instances.run((b) -> {
			// tag::cross-instance[]
			executor(a).submitStored("report", () -> "done on A").get(20, TimeUnit.SECONDS);
			FutureProxy<String> seen = executor(b).futures().<String>get("report").orElseThrow();
			assertThat(seen.get(20, TimeUnit.SECONDS)).isEqualTo("done on A");
			// end::cross-instance[]
			assertThat(seen.key()).contains("report");
			assertThat(executor(b).futures().state("report")).contains(FutureState.FINISHED);
		}));
	}

	@Test
	void futuresStoredByAAndBShouldBeListedInSubmitOrderFromBoth() {
		this.instances.run((a) -> this.instances.run((b) -> {
			executor(a).submitStored("first", () -> 1).get(20, TimeUnit.SECONDS);
			executor(b).submitStored("second", () -> 2).get(20, TimeUnit.SECONDS);
			executor(a).submitStored("third", () -> 3).get(20, TimeUnit.SECONDS);
			assertThat(executor(a).futures().keys()).containsExactly("first", "second", "third");
			assertThat(executor(b).futures().keys()).containsExactly("first", "second", "third");
			assertThat(executor(b).futures().size()).isEqualTo(3);
		}));
	}

	@Test
	void futurePoppedFromBShouldBeGoneForA() {
		this.instances.run((a) -> this.instances.run((b) -> {
			executor(a).submitStored("report", () -> "done on A").get(20, TimeUnit.SECONDS);
			FutureProxy<String> popped = executor(b).futures().<String>pop("report").orElseThrow();
			assertThat(popped.get(20, TimeUnit.SECONDS)).isEqualTo("done on A");
			assertThat(executor(a).futures().contains("report")).isFalse();
			assertThat(executor(a).futures().get("report")).isEmpty();
			assertThat(executor(b).futures().pop("report")).isEmpty();
		}));
	}

	@Test
	void failedFutureOnAShouldFailOnBWithTheTasksExceptionAndItsStackTrace() {
		this.instances.run((a) -> this.instances.run((b) -> {
			FutureProxy<Object> failing = executor(a).submitStored("broken", AbstractJdbcStoredFuturesTests::fail);
			await().atMost(TIMEOUT).until(failing::isDone);
			assertThat(executor(b).futures().state("broken")).contains(FutureState.FAILED);
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> executor(b).futures().get("broken").orElseThrow().get(20, TimeUnit.SECONDS))
				.havingCause()
				.isExactlyInstanceOf(IllegalStateException.class)
				.withMessage("broken on A")
				.satisfies((ex) -> assertThat(ex.getStackTrace()[0].getMethodName()).isEqualTo("fail"));
		}));
	}

	@Test
	void runningFutureOnAShouldBeSeenRunningFromB() {
		Blockers.reset(1);
		this.instances.run((a) -> this.instances.run((b) -> {
			executor(a).submitStored("slow", Blockers::block);
			assertThat(Blockers.started.await(20, TimeUnit.SECONDS)).isTrue();
			await().atMost(TIMEOUT).until(() -> executor(b).futures().running("slow"));
			assertThat(executor(b).futures().get("slow").orElseThrow().state()).isEqualTo(FutureState.RUNNING);
		}));
	}

	@Test
	void runningFutureOnAWhenCancelledFromBShouldBeInterruptedOnA() {
		Blockers.reset(1);
		this.instances.run((a) -> this.instances.run((b) -> {
			FutureProxy<String> running = executor(a).submitStored("slow", Blockers::block);
			assertThat(Blockers.started.await(20, TimeUnit.SECONDS)).isTrue();
			FutureProxy<Object> view = executor(b).futures().get("slow").orElseThrow();
			assertThat(executor(b).futures().cancel("slow")).isTrue();
			assertThat(Blockers.interrupted.await(20, TimeUnit.SECONDS)).isTrue();
			await().atMost(TIMEOUT).until(running::isDone);
			assertThat(running.state()).isEqualTo(FutureState.CANCELLED);
			assertThat(executor(a).futures().state("slow")).contains(FutureState.CANCELLED);
			await().atMost(TIMEOUT).until(view::isCancelled);
		}));
	}

	@Test
	void pendingViewOnBShouldCompleteWhenTheTaskFinishesOnA() {
		Blockers.reset(1);
		this.instances.run((a) -> this.instances.run((b) -> {
			executor(a).submitStored("later", Blockers::block);
			assertThat(Blockers.started.await(20, TimeUnit.SECONDS)).isTrue();
			FutureProxy<String> view = executor(b).futures().<String>get("later").orElseThrow();
			assertThat(view.isDone()).isFalse();
			Blockers.release.countDown();
			assertThat(view.get(20, TimeUnit.SECONDS)).isEqualTo("released");
		}));
	}

	@Test
	void outcomeThatCouldNotBeWrittenAsTheTaskEndedShouldBeWrittenByTheNextPollAndReadFromB() {
		OutcomeWriteRefusal databaseAway = new OutcomeWriteRefusal();
		this.instances.withBean(OutcomeWriteRefusal.class, () -> databaseAway).run((a) -> this.instances.run((b) -> {
			executor(a).submitStored("report", () -> "done on A").get(20, TimeUnit.SECONDS);
			assertThat(databaseAway.refused.await(20, TimeUnit.SECONDS)).isTrue();
			FutureProxy<String> seen = executor(b).futures().<String>get("report").orElseThrow();
			assertThat(seen.get(20, TimeUnit.SECONDS)).isEqualTo("done on A");
			assertThat(executor(b).futures().state("report")).contains(FutureState.FINISHED);
		}));
	}

	@Test
	void keyStoredByAWhenSubmittedAgainOnBShouldBeRejectedAsDuplicate() {
		this.instances.run((a) -> this.instances.run((b) -> {
			executor(a).submitStored("once", () -> "first").get(20, TimeUnit.SECONDS);
			assertThatExceptionOfType(DuplicateFutureKeyException.class)
				.isThrownBy(() -> executor(b).submitStored("once", () -> "second"));
		}));
	}

	@Test
	void oneKeyFromEightThreadsOnTwoInstancesShouldRunExactlyOneTask() {
		AtomicInteger runs = new AtomicInteger();
		this.instances.run((a) -> this.instances.run((b) -> {
			CountDownLatch go = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(8);
			List<Future<Boolean>> accepted = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				ManagedExecutor executor = executor((i % 2 == 0) ? a : b);
				accepted.add(threads.submit(() -> {
					go.await();
					try {
						executor.submitStored("race", runs::incrementAndGet).get(20, TimeUnit.SECONDS);
						return true;
					}
					catch (DuplicateFutureKeyException ex) {
						return false;
					}
				}));
			}
			go.countDown();
			int winners = 0;
			for (Future<Boolean> submission : accepted) {
				winners += submission.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			threads.shutdown();
			assertThat(winners).isOne();
			assertThat(runs).hasValue(1);
		}));
	}

	@Test
	void maxLengthShouldEvictTheOldestFinishedFuturesOfBothInstancesAndKeepRunningOnes() {
		Blockers.reset(1);
		this.instances.run((a) -> this.instances.run((b) -> {
			executor(a).submitStored("running", Blockers::block);
			assertThat(Blockers.started.await(20, TimeUnit.SECONDS)).isTrue();
			executor(a).submitStored("a1", () -> 1).get(20, TimeUnit.SECONDS);
			executor(b).submitStored("b1", () -> 2).get(20, TimeUnit.SECONDS);
			executor(a).submitStored("a2", () -> 3).get(20, TimeUnit.SECONDS);
			executor(b).submitStored("b2", () -> 4).get(20, TimeUnit.SECONDS);
			// the owner records an outcome, and evicts, just after the future completes
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(executor(b).futures().keys()).containsExactly("running", "a2", "b2"));
			assertThat(executor(a).futures().keys()).containsExactly("running", "a2", "b2");
		}));
	}

	@Test
	void finishedResultsShouldSurviveARestartOfEveryInstance() {
		this.instances.run((a) -> this.instances.run((b) -> {
			executor(a).submitStored("from-a", () -> "kept").get(20, TimeUnit.SECONDS);
			executor(b).submitStored("from-b", () -> "kept too").get(20, TimeUnit.SECONDS);
		}));
		this.instances.run((restarted) -> {
			assertThat(executor(restarted).futures().keys()).containsExactly("from-a", "from-b");
			assertThat(executor(restarted).futures().get("from-a").orElseThrow().get(20, TimeUnit.SECONDS))
				.isEqualTo("kept");
		});
	}

	@Test
	void runningFutureWhenItsInstanceShutsDownShouldEndCancelledForTheOthers() {
		Blockers.reset(1);
		this.instances.run((b) -> {
			this.instances.run((a) -> {
				executor(a).submitStored("interrupted", Blockers::block);
				assertThat(Blockers.started.await(20, TimeUnit.SECONDS)).isTrue();
			});
			assertThat(executor(b).futures().state("interrupted")).contains(FutureState.CANCELLED);
			assertThatExceptionOfType(CancellationException.class)
				.isThrownBy(() -> executor(b).futures().get("interrupted").orElseThrow().get(20, TimeUnit.SECONDS));
		});
	}

	@Test
	void resultThatIsNotSerializableShouldBeReadOnItsInstanceAndSaySoOnOthers() {
		this.instances.run((a) -> this.instances.run((b) -> {
			executor(a).submitStored("opaque", Opaque::new).get(20, TimeUnit.SECONDS);
			assertThat(executor(a).futures().get("opaque").orElseThrow().get(20, TimeUnit.SECONDS))
				.isInstanceOf(Opaque.class);
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> executor(b).futures().get("opaque").orElseThrow().get(20, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TaskNotSerializableException.class)
				.withMessageStartingWith("The result of stored future 'opaque' of executor 'default' cannot be read "
						+ "here: the result, a " + Opaque.class.getName() + ", is not serializable and can only be "
						+ "read on instance ");
		}));
	}

	@Test
	void resultLargerThanMaxResultSizeShouldBeReadOnItsInstanceAndSaySoOnOthers() {
		ApplicationContextRunner small = this.instances.withPropertyValues("executor.futures.jdbc.max-result-size=1KB");
		small.run((a) -> small.run((b) -> {
			executor(a).submitStored("large", () -> "x".repeat(2000)).get(20, TimeUnit.SECONDS);
			assertThat(executor(a).futures().<String>get("large").orElseThrow().get(20, TimeUnit.SECONDS)).hasSize(2000);
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> executor(b).futures().get("large").orElseThrow().get(20, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TaskNotSerializableException.class)
				.withMessageContaining("the result, a java.lang.String, is 2007 bytes, more than max-result-size "
						+ "(1024 bytes), and can only be read on instance ");
		}));
	}

	@Test
	void taskThatCannotBeSerialisedShouldBeRefusedAtSubmitWhenTasksAreKeptForResubmission() {
		ApplicationContextRunner keeping = this.instances
			.withPropertyValues("executor.futures.jdbc.resubmit-on-owner-loss=true");
		keeping.run((a) -> {
			Opaque opaque = new Opaque();
			assertThatExceptionOfType(TaskNotSerializableException.class)
				.isThrownBy(() -> executor(a).submitStored("opaque", () -> opaque.toString()))
				.withMessage("Task for executor 'default' cannot be sent to another instance "
						+ "(futures.jdbc.resubmit-on-owner-loss is true): " + Opaque.class.getName()
						+ " is not serializable (captured by the lambda in " + AbstractJdbcStoredFuturesTests.class.getName()
						+ ".taskThatCannotBeSerialisedShouldBeRefusedAtSubmitWhenTasksAreKeptForResubmission); make it implement java.io.Serializable, or capture only serializable values");
			assertThat(executor(a).futures().contains("opaque")).isFalse();
		});
	}

	@Test
	void taskKeptForResubmissionShouldLeaveItsRowWhenItsFutureFinishes() {
		Blockers.reset(1);
		ApplicationContextRunner keeping = this.instances
			.withPropertyValues("executor.futures.jdbc.resubmit-on-owner-loss=true");
		keeping.run((a) -> {
			FutureProxy<String> running = executor(a).submitStored("kept", Blockers::block);
			assertThat(Blockers.started.await(20, TimeUnit.SECONDS)).isTrue();
			assertThat(keptTask(a, "kept")).isTrue();
			Blockers.release.countDown();
			running.get(20, TimeUnit.SECONDS);
			await().atMost(TIMEOUT).until(() -> !keptTask(a, "kept"));
		});
	}

	@Test
	void taskShouldNotBeKeptWhenTasksAreNotResubmitted() {
		this.instances.run((a) -> {
			Blockers.reset(1);
			executor(a).submitStored("unkept", Blockers::block);
			assertThat(Blockers.started.await(20, TimeUnit.SECONDS)).isTrue();
			assertThat(keptTask(a, "unkept")).isFalse();
		});
	}

	@Test
	void storedJobCallShouldRunInPlaceWhenTasksAreKeptForResubmission() {
		ApplicationContextRunner keeping = this.instances.withUserConfiguration(ReportJobs.class)
			.withPropertyValues("executor.futures.jdbc.resubmit-on-owner-loss=true");
		keeping.run((a) -> {
			ReportJobs jobs = a.getBean(ReportJobs.class);
			assertThat(jobs.render("q3", "pdf").get(20, TimeUnit.SECONDS)).isEqualTo("q3 as pdf");
			assertThat(executor(a).futures().contains("report-q3")).isTrue();
		});
	}

	@Test
	void storedJobCallWithAnArgumentThatCannotBeSerialisedShouldBeRefusedWhenTasksAreKept() {
		ApplicationContextRunner keeping = this.instances.withUserConfiguration(ReportJobs.class)
			.withPropertyValues("executor.futures.jdbc.resubmit-on-owner-loss=true");
		keeping.run((a) -> assertThatExceptionOfType(TaskNotSerializableException.class)
			.isThrownBy(() -> a.getBean(ReportJobs.class).render("q4", new Opaque()))
			.withMessage("Task for executor 'default' cannot be sent to another instance "
					+ "(futures.jdbc.resubmit-on-owner-loss is true): " + Opaque.class.getName()
					+ " is not serializable; make it implement java.io.Serializable, or capture only serializable "
					+ "values"));
	}

	private boolean keptTask(ApplicationContext context, String key) {
		return JdbcClient.create(context.getBean(DataSource.class))
			.sql("SELECT COUNT(*) FROM " + this.table + " WHERE FUTURE_KEY = ? AND TASK IS NOT NULL")
			.param(key)
			.query(Integer.class)
			.single() == 1;
	}

	static ManagedExecutor executor(ApplicationContext context) {
		return context.getBean(ManagedExecutor.class);
	}

	private static Object fail() {
		throw new IllegalStateException("broken on A");
	}

	static final class Opaque {

	}

	public static class ReportJobs {

		@Job(key = "'report-' + #name")
		public FutureProxy<String> render(String name, Object format) {
			return Jobs.completed(name + " as " + format);
		}

	}


}
