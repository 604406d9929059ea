package dev.executor.spi;

import dev.executor.ExecutorSpec;
import dev.executor.StoredFutures;
import dev.executor.futures.LocalStoredFutures;

/**
 * Creates the {@link StoredFutures} of each executor. The {@link #LOCAL local} one keeps
 * them in memory.
 */
@FunctionalInterface
public interface StoredFuturesFactory {

	/**
	 * Stored futures held in this instance's memory.
	 */
	StoredFuturesFactory LOCAL = (spec) -> new LocalStoredFutures(spec.name(), spec.futuresMaxLength(),
			spec.futuresTimeToLive());

	/**
	 * Create the store of an executor.
	 * @param spec the executor's settings
	 * @return the store
	 */
	StoredFutures create(ExecutorSpec spec);

}
