package dev.executor.core;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Turns {@link System#nanoTime()} readings into instants, so that a task reads one clock,
 * not two, when it is submitted: the wall clock is read only when an instant is asked
 * for, at most once a second, to follow changes of the system time.
 */
final class WallClock {

	private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static volatile Anchor anchor = Anchor.now();

	private WallClock() {
	}

	/**
	 * Return the instant at which {@link System#nanoTime()} returned the given value.
	 * @param nanoTime a value of {@link System#nanoTime()}
	 * @return the instant
	 */
	static Instant instant(long nanoTime) {
		Anchor current = anchor;
		if (System.nanoTime() - current.nanoTime() > REFRESH_NANOS) {
			current = Anchor.now();
			anchor = current;
		}
		return current.instant().plusNanos(nanoTime - current.nanoTime());
	}

	/**
	 * An instant and the reading of the monotonic clock at that instant.
	 */
	private record Anchor(Instant instant, long nanoTime) {

		static Anchor now() {
			long before = System.nanoTime();
			Instant instant = Instant.now();
			long after = System.nanoTime();
			return new Anchor(instant, before + (after - before) / 2);
		}

	}

}
