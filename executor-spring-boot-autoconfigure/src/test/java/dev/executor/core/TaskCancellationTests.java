package dev.executor.core;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.executor.FutureProxy;
import dev.executor.FutureState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for cancelling the futures of a {@link DelegatingManagedExecutor}.
 */
class TaskCancellationTests {

	private final TestExecutors executors = new TestExecutors();

	private final DelegatingManagedExecutor executor = this.executors.create(TestSpecs.spec("cancels"));

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void shutDown() {
		this.release.countDown();
		this.executors.close();
	}

	@Test
	void cancelWithInterruptionShouldInterruptTheThreadRunningTheTask() throws Exception {
		CountDownLatch interrupted = new CountDownLatch(1);
		FutureProxy<?> future = this.executor.submit(() -> {
			this.started.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
		});
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(future.cancel(true)).isTrue();
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(future.state()).isEqualTo(FutureState.CANCELLED);
		assertThatExceptionOfType(CancellationException.class).isThrownBy(future::join);
	}

	@Test
	void cancelOfAPendingTaskShouldRemoveItFromTheQueueSoThatItNeverStarts() throws Exception {
		this.executor.submit(this::awaitRelease);
		AtomicBoolean ran = new AtomicBoolean();
		FutureProxy<?> queued = this.executor.submit(() -> ran.set(true));
		assertThat(queued.cancel(false)).isTrue();
		assertThat(this.executor.pool(ThreadPoolExecutor.class).orElseThrow().getQueue()).isEmpty();
		this.release.countDown();
		this.executor.submit(() -> "after").get(5, TimeUnit.SECONDS);
		assertThat(ran).isFalse();
		assertThat(queued.state()).isEqualTo(FutureState.CANCELLED);
	}

	@Test
	void cancelWithoutInterruptionShouldNotInterruptTheRunningTask() throws Exception {
		AtomicReference<String> outcome = new AtomicReference<>();
		FutureProxy<?> future = this.executor.submit(() -> {
			this.started.countDown();
			outcome.set(awaitRelease() ? "released" : "interrupted");
		});
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(future.cancel(false)).isTrue();
		this.release.countDown();
		await().until(() -> outcome.get() != null);
		assertThat(outcome).hasValue("released");
	}

	@Test
	void cancelWithInterruptionOfAnAlreadyCancelledTaskShouldNotInterruptIt() throws Exception {
		AtomicReference<String> outcome = new AtomicReference<>();
		FutureProxy<?> future = this.executor.submit(() -> {
			this.started.countDown();
			outcome.set(awaitRelease() ? "released" : "interrupted");
		});
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		future.cancel(false);
		future.cancel(true);
		this.release.countDown();
		await().until(() -> outcome.get() != null);
		assertThat(outcome).hasValue("released");
	}

	@Test
	void pooledThreadShouldNotStayInterruptedAfterACancelledTask() throws Exception {
		FutureProxy<?> cancelled = this.executor.submit(() -> {
			this.started.countDown();
			while (!Thread.currentThread().isInterrupted()) {
				Thread.onSpinWait();
			}
		});
		assertThat(this.started.await(5, TimeUnit.SECONDS)).isTrue();
		cancelled.cancel(true);
		FutureProxy<Boolean> next = this.executor.submit(Thread::interrupted);
		assertThat(next.get(5, TimeUnit.SECONDS)).isFalse();
	}

	private boolean awaitRelease() {
		try {
			return this.release.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			return false;
		}
	}

}
