package dev.executor.futures;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.executor.DuplicateFutureKeyException;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.TestFutures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LocalStoredFutures}.
 */
class LocalStoredFuturesTests {

	private final AtomicLong nanoClock = new AtomicLong();

	private final LocalStoredFutures futures = new LocalStoredFutures("jobs", 3, null, this.nanoClock::get);

	@Test
	void addWithATakenKeyShouldThrowDuplicateFutureKeyException() {
		this.futures.add("a", future());
		FutureProxy<String> duplicate = future();
		assertThatExceptionOfType(DuplicateFutureKeyException.class).isThrownBy(() -> this.futures.add("a", duplicate))
			.withMessage("Executor 'jobs' already stores a future under the key 'a'; pop it first or choose "
					+ "another key")
			.satisfies((ex) -> {
				assertThat(ex.getKey()).isEqualTo("a");
				assertThat(ex.getExecutorName()).isEqualTo("jobs");
			});
		assertThat(duplicate.key()).isEmpty();
	}

	@Test
	void addShouldLetTheFutureKnowItsKey() {
		// Flask-Executor #54: a future could not tell the key it was stored under
		FutureProxy<String> future = future();
		this.futures.add("a", future);
		assertThat(future.key()).hasValue("a");
	}

	@Test
	void containsShouldTellWhetherAKeyIsStored() {
		// Flask-Executor #35: there was no way to ask for a key without popping it
		this.futures.add("a", future());
		assertThat(this.futures.contains("a")).isTrue();
		assertThat(this.futures.contains("b")).isFalse();
	}

	@Test
	void keysShouldBeASnapshotInInsertionOrder() {
		// Flask-Executor #28: the keys could not be listed
		this.futures.add("c", future());
		this.futures.add("a", future());
		this.futures.add("b", future());
		var keys = this.futures.keys();
		this.futures.pop("a");
		assertThat(keys).containsExactly("c", "a", "b");
		assertThat(this.futures.keys()).containsExactly("c", "b");
	}

	@Test
	void getShouldReturnTheFutureAndKeepItStored() {
		FutureProxy<String> future = future();
		this.futures.add("a", future);
		assertThat(this.futures.<String>get("a")).containsSame(future);
		assertThat(this.futures.size()).isOne();
	}

	@Test
	void popShouldReturnTheFutureAndFreeItsKey() {
		FutureProxy<String> future = future();
		this.futures.add("a", future);
		assertThat(this.futures.<String>pop("a")).containsSame(future);
		assertThat(this.futures.contains("a")).isFalse();
		this.futures.add("a", future());
		assertThat(this.futures.contains("a")).isTrue();
	}

	@Test
	void doneShouldTellWhetherTheFutureIsDone() {
		FutureProxy<String> future = future();
		this.futures.add("a", future);
		assertThat(this.futures.done("a")).isFalse();
		future.complete("done");
		assertThat(this.futures.done("a")).isTrue();
	}

	@Test
	void runningShouldTellWhetherTheFutureIsRunning() {
		RunningFuture future = new RunningFuture();
		this.futures.add("a", future);
		assertThat(this.futures.running("a")).isFalse();
		future.running = true;
		assertThat(this.futures.running("a")).isTrue();
	}

	@Test
	void stateShouldBeTheStateOfTheFuture() {
		FutureProxy<String> future = future();
		this.futures.add("a", future);
		assertThat(this.futures.state("a")).hasValue(FutureState.PENDING);
		future.completeExceptionally(new IllegalStateException("boom"));
		assertThat(this.futures.state("a")).hasValue(FutureState.FAILED);
	}

	@Test
	void cancelShouldCancelTheFutureAndKeepItStored() {
		FutureProxy<String> future = future();
		this.futures.add("a", future);
		assertThat(this.futures.cancel("a")).isTrue();
		assertThat(future.isCancelled()).isTrue();
		assertThat(this.futures.state("a")).hasValue(FutureState.CANCELLED);
	}

	@Test
	void cancelOfAFutureThatIsAlreadyCancelledShouldAnswerFalse() {
		this.futures.add("a", future());
		this.futures.cancel("a");
		assertThat(this.futures.cancel("a")).isFalse();
	}

	@Test
	void missingKeyShouldAnswerFalseOrEmpty() {
		assertThat(this.futures.get("missing")).isEmpty();
		assertThat(this.futures.pop("missing")).isEmpty();
		assertThat(this.futures.contains("missing")).isFalse();
		assertThat(this.futures.done("missing")).isFalse();
		assertThat(this.futures.running("missing")).isFalse();
		assertThat(this.futures.state("missing")).isEmpty();
		assertThat(this.futures.cancel("missing")).isFalse();
	}

	@Test
	void pendingAndRunningFuturesShouldBeKeptPastTheMaxLength() {
		// Flask-Executor dropped the oldest future past max_length, even when it still ran
		RunningFuture running = new RunningFuture();
		running.running = true;
		this.futures.add("a", running);
		this.futures.add("b", future());
		this.futures.add("c", future());
		this.futures.add("d", future());
		assertThat(this.futures.keys()).containsExactly("a", "b", "c", "d");
		assertThat(this.futures.maxLength()).isEqualTo(3);
	}

	@Test
	void finishedFutureShouldBeEvictedWhenItFinishesPastTheMaxLength() {
		FutureProxy<String> c = future();
		this.futures.add("a", future());
		this.futures.add("b", future());
		this.futures.add("c", c);
		this.futures.add("d", future());
		c.complete("done");
		assertThat(this.futures.keys()).containsExactly("a", "b", "d");
	}

	@Test
	void finishedFuturesShouldBeEvictedInTheOrderTheyFinished() {
		FutureProxy<String> a = future();
		FutureProxy<String> b = future();
		this.futures.add("a", a);
		this.futures.add("b", b);
		this.futures.add("c", future());
		b.complete("done");
		a.complete("done");
		this.futures.add("d", future());
		assertThat(this.futures.keys()).containsExactly("a", "c", "d");
		this.futures.add("e", future());
		assertThat(this.futures.keys()).containsExactly("c", "d", "e");
	}

	@Test
	void finishedFuturesShouldBeEvictedOnceOlderThanTheTimeToLive() {
		LocalStoredFutures futures = new LocalStoredFutures("jobs", 50, Duration.ofSeconds(10), this.nanoClock::get);
		FutureProxy<String> a = future();
		FutureProxy<String> b = future();
		futures.add("a", a);
		futures.add("b", b);
		futures.add("pending", future());
		a.complete("done");
		this.nanoClock.set(Duration.ofSeconds(5).toNanos());
		b.complete("done");
		this.nanoClock.set(Duration.ofSeconds(10).toNanos() - 1);
		assertThat(futures.keys()).containsExactly("a", "b", "pending");
		this.nanoClock.set(Duration.ofSeconds(10).toNanos());
		assertThat(futures.keys()).containsExactly("b", "pending");
		this.nanoClock.set(Duration.ofHours(1).toNanos());
		assertThat(futures.keys()).containsExactly("pending");
		assertThat(futures.get("a")).isEmpty();
	}

	private static FutureProxy<String> future() {
		return TestFutures.incomplete("jobs", Runnable::run);
	}

	static final class RunningFuture extends FutureProxy<String> {

		volatile boolean running;

		RunningFuture() {
			super("jobs", Runnable::run);
		}

		@Override
		protected boolean isRunning() {
			return this.running;
		}

	}

}
