package dev.executor.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;

/**
 * Measures how long another instance takes to see a stored future's outcome: two
 * application instances, A and B, on one store; a task stored on A waits until B holds
 * the future it hands out for the key, and the delay runs from the task's last statement
 * on A to that future's completion on B. A store that polls would see every task of a
 * loop just after its last poll, a whole interval late; so each task ends at a random
 * point of the interval, as the tasks of an application do.
 */
final class CrossInstanceDelay {

	private static final int WARM_UP = 5;

	private final int samples;

	private final List<String> lines;

	CrossInstanceDelay(int samples, List<String> lines) {
		this.samples = samples;
		this.lines = lines;
	}

	/**
	 * Measure one row.
	 * @param name the row's name
	 * @param store the store, as {@link Stores#shared} takes it
	 * @param pollInterval the database store's poll interval
	 * @param jitterMillis the longest random wait before a task ends: the poll interval
	 * for a store that polls, 0 for one that is told
	 */
	void row(String name, String store, String pollInterval, long jitterMillis) throws Exception {
		try {
			List<String> shared = Stores.shared(store, pollInterval);
			ManagedExecutor a = Stores.instance(shared);
			ManagedExecutor b = Stores.instance(shared);
			for (int i = 0; i < WARM_UP; i++) {
				sample(a, b, "warm-up-" + i, jitterMillis);
			}
			double[] millis = new double[this.samples];
			for (int i = 0; i < millis.length; i++) {
				millis[i] = sample(a, b, "sample-" + i, jitterMillis) / 1e6;
			}
			Arrays.sort(millis);
			this.lines.add(String.format(Locale.ROOT, "  %-28s %12.1f %12.1f", name, percentile(millis, 50),
					percentile(millis, 90)));
		}
		finally {
			Executors.closeAll();
		}
	}

	void skipped(String name, String reason) {
		this.lines.add(String.format(Locale.ROOT, "  %-28s %s", name, reason));
	}

	void title() {
		this.lines.add("");
		this.lines.add("== cross-instance visibility: task finished on A to B.get(key) complete, " + this.samples
				+ " samples (ms, lower is better)");
		this.lines.add(String.format(Locale.ROOT, "  %-28s %12s %12s", "", "median", "p90"));
	}

	private static long sample(ManagedExecutor a, ManagedExecutor b, String key, long jitterMillis)
			throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicLong finished = new AtomicLong();
		a.submitStored(key, () -> {
			release.await();
			finished.set(System.nanoTime());
			return key;
		});
		FutureProxy<Object> seen = b.futures().get(key).orElseThrow();
		AtomicLong completed = new AtomicLong();
		FutureProxy<Object> recorded = seen.whenComplete((result, failure) -> completed.set(System.nanoTime()));
		if (jitterMillis > 0) {
			Thread.sleep(ThreadLocalRandom.current().nextLong(jitterMillis));
		}
		release.countDown();
		recorded.get(30, TimeUnit.SECONDS);
		a.futures().pop(key);
		return completed.get() - finished.get();
	}

	private static double percentile(double[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)];
	}

}
