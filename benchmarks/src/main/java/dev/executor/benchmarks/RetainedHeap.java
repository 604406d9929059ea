package dev.executor.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;

/**
 * Measures the heap a stored, finished future retains: the difference in used heap,
 * after full collections, between an empty store and one holding a million finished
 * futures, divided by a million.
 */
final class RetainedHeap {

	static final int ENTRIES = 1_000_000;

	private RetainedHeap() {
	}

	static double bytesPerStoredFinishedFuture() throws Exception {
		ManagedExecutor executor = Executors.managed("thread", 2, "executor.futures.max-length=" + ENTRIES);
		try {
			long before = usedHeapAfterGc();
			FutureProxy<?> last = null;
			for (int i = 0; i < ENTRIES; i++) {
				last = executor.submitStored("job-" + i, ThreadExecutorBenchmark::noop);
			}
			last.get();
			for (int i = 0; i < ENTRIES; i++) {
				executor.futures().get("job-" + i).orElseThrow().get();
			}
			long after = usedHeapAfterGc();
			if (executor.futures().size() != ENTRIES) {
				throw new IllegalStateException("Store lost entries: " + executor.futures().size());
			}
			return (after - before) / (double) ENTRIES;
		}
		finally {
			Executors.closeAll();
		}
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
