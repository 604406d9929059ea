package dev.executor.process;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dev.executor.ExecutorSpec;
import dev.executor.ExecutorSpec.ProcessSpec;
import dev.executor.process.WorkerProcess.ApplicationState;
import dev.executor.spi.ApplicationContextSource;
import dev.executor.spi.ApplicationContextTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the workers of a pool that runs job calls start the application context of
 * those calls no more at once than the pool allows, each in its turn, and that a job call
 * goes to a worker that has started it rather than wait for another. In the workers, the
 * context's {@link Gate} bean holds the start back while the test keeps a gate file.
 */
class WorkerApplicationStartTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@TempDir
	Path gate;

	private final List<ProcessPool> pools = new ArrayList<>();

	@AfterEach
	void shutDown() throws Exception {
		for (ProcessPool pool : this.pools) {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void workersShouldStartTheirContextsNoMoreAtOnceThanThePoolAllows() throws Exception {
		close();
		ProcessPool pool = pool(2, 1, Gate.HOLD_ALL);
		pool.jobContext(applicationBeanFactory());
		assertThat(pool.workers()).extracting(WorkerProcess::applicationState)
			.containsExactlyInAnyOrder(ApplicationState.STARTING, ApplicationState.NOT_ASKED);
		open();
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(pool.workers()).extracting(WorkerProcess::applicationState)
				.containsExactly(ApplicationState.STARTED, ApplicationState.STARTED));
	}

	@Test
	void workersShouldStartTheirContextsAllAtOnceWhenThePoolAllows() throws Exception {
		close();
		ProcessPool pool = pool(2, 2, Gate.HOLD_ALL);
		pool.jobContext(applicationBeanFactory());
		assertThat(pool.workers()).extracting(WorkerProcess::applicationState)
			.containsExactly(ApplicationState.STARTING, ApplicationState.STARTING);
	}

	@Test
	void workerWhoseTurnComesShouldStartItsContextWhenTheStartingOneEnds() throws Exception {
		close();
		ProcessPool pool = pool(2, 1, Gate.HOLD_ALL);
		pool.jobContext(applicationBeanFactory());
		WorkerProcess starting = worker(pool, ApplicationState.STARTING);
		WorkerProcess waiting = worker(pool, ApplicationState.NOT_ASKED);
		starting.kill();
		await().atMost(WAIT).until(waiting::applicationState, ApplicationState.STARTING::equals);
	}

	@Test
	void jobCallsShouldGoToTheWorkerWhoseContextIsUp() throws Exception {
		close();
		ProcessPool pool = pool(2, 1, Gate.HOLD_ALL_BUT_FIRST);
		ApplicationContextSource context = pool.jobContext(applicationBeanFactory());
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(pool.workers()).extracting(WorkerProcess::applicationState)
				.containsExactlyInAnyOrder(ApplicationState.STARTED, ApplicationState.STARTING));
		long up = worker(pool, ApplicationState.STARTED).handle().pid();
		// an idle pool thread waits in line: each call goes to the thread that has waited
		// longest, so the calls take turns on both threads, and each finds the worker
		// that is up whichever thread it reaches
		for (int call = 0; call < 4; call++) {
			awaitIdle(pool);
			long pid = pool.submit(pool.adapt(new WorkerPid(context))).get(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(pid).isEqualTo(up);
		}
	}

	@Test
	void jobCallShouldWaitForAContextWhenNoWorkerHasOne() throws Exception {
		close();
		ProcessPool pool = pool(1, 1, Gate.HOLD_ALL);
		ApplicationContextSource context = pool.jobContext(applicationBeanFactory());
		var call = pool.submit(pool.adapt(new WorkerPid(context)));
		open();
		assertThat(call.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(pool.workers().get(0).handle().pid());
	}

	@Test
	void plainTasksShouldNotWaitForAContext() throws Exception {
		close();
		ProcessPool pool = pool(1, 1, Gate.HOLD_ALL);
		pool.jobContext(applicationBeanFactory());
		Callable<Long> plain = (Callable<Long> & Serializable) () -> ProcessHandle.current().pid();
		assertThat(pool.submit(pool.adapt(plain)).get(WAIT.toSeconds(), TimeUnit.SECONDS)).isPositive();
		assertThat(pool.workers().get(0).applicationState()).isEqualTo(ApplicationState.STARTING);
	}

	@Test
	void reportOfTheStartShouldBeHeardAfterWhatTheContextPrintedWithoutALineBreak() throws Exception {
		ProcessPool pool = pool(1, 1, Gate.HOLD_NONE, "-Dlogging.level.root=off", "-Dspring.main.log-startup-info=false",
				"-D" + Gate.PRINT + "=" + Gate.PRINTED);
		pool.jobContext(applicationBeanFactory());
		WorkerProcess worker = pool.workers().get(0);
		await().atMost(WAIT).until(worker::applicationState, ApplicationState.STARTED::equals);
		assertThat(worker.lastLines()).contains(Gate.PRINTED).noneMatch((line) -> line.contains("executor-worker"));
	}

	private ProcessPool pool(int workers, int startsAtOnce, String hold, String... jvmArgs) {
		List<String> options = new ArrayList<>(List.of("-D" + Gate.DIRECTORY + "=" + this.gate, "-D" + Gate.HOLD + "=" + hold));
		options.addAll(List.of(jvmArgs));
		ProcessSpec process = new ProcessSpec(options, null, null, true);
		ExecutorSpec spec = ExecutorSpec.builder("gated")
			.type(ProcessBackend.NAME)
			.maxWorkers(workers)
			.process(process)
			.build();
		ProcessPool pool = new ProcessPool(spec, getClass().getClassLoader(),
				WorkerCommand.forCurrentApplication(process), startsAtOnce);
		this.pools.add(pool);
		assertThat(pool.workers()).hasSize(workers);
		return pool;
	}

	private static WorkerProcess worker(ProcessPool pool, ApplicationState state) {
		return pool.workers().stream().filter((worker) -> worker.applicationState() == state).findFirst().orElseThrow();
	}

	// every thread of the pool waits for a task, none polls
	private static void awaitIdle(ProcessPool pool) {
		await().atMost(WAIT).until(() -> Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread instanceof WorkerThread && thread.getName().startsWith("gated"))
			.allMatch((thread) -> thread.getState() == Thread.State.WAITING));
	}

	private void close() throws IOException {
		Files.createFile(this.gate.resolve(Gate.CLOSED));
	}

	private void open() throws IOException {
		Files.delete(this.gate.resolve(Gate.CLOSED));
	}

	private static DefaultListableBeanFactory applicationBeanFactory() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("application", new RootBeanDefinition(GatedApplication.class));
		beanFactory.registerSingleton("environment", new StandardEnvironment());
		return beanFactory;
	}

	record WorkerPid(ApplicationContextSource contextSource)
			implements Callable<Long>, ApplicationContextTask, Serializable {

		@Override
		public Long call() throws Exception {
			this.contextSource.context();
			return ProcessHandle.current().pid();
		}

	}

	@SpringBootConfiguration
	@Import(Gate.class)
	static class GatedApplication {

	}

	@Lazy(false)
	static class Gate {

		static final String DIRECTORY = "test.gate-directory";

		static final String HOLD = "test.gate-hold";

		static final String HOLD_ALL = "all";

		static final String HOLD_ALL_BUT_FIRST = "all-but-first";

		static final String HOLD_NONE = "none";

		// printed without a line break, as the last thing before the context is up
		static final String PRINT = "test.gate-print";

		static final String PRINTED = "no-line-break";

		static final String CLOSED = "closed";

		Gate() throws Exception {
			Path directory = Path.of(System.getProperty(DIRECTORY));
			String hold = System.getProperty(HOLD);
			boolean held = HOLD_ALL.equals(hold) || (HOLD_ALL_BUT_FIRST.equals(hold) && !first(directory));
			while (held && Files.exists(directory.resolve(CLOSED))) {
				Thread.sleep(10);
			}
			String print = System.getProperty(PRINT);
			if (print != null) {
				System.err.print(print);
			}
		}

		private static boolean first(Path directory) throws IOException {
			try {
				Files.createFile(directory.resolve("first"));
				return true;
			}
			catch (FileAlreadyExistsException ex) {
				return false;
			}
		}

	}

}
