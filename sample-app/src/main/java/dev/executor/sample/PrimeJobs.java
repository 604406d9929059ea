package dev.executor.sample;

import java.util.concurrent.CompletableFuture;

import dev.executor.Job;
import dev.executor.sample.PrimeController.PrimeCount;

import org.springframework.stereotype.Service;

/**
 * Prime counting as a {@link Job} method on the {@code isolated} executor: each call runs
 * in a worker process, on this bean of the worker's own application context.
 */
@Service
public class PrimeJobs {

	/**
	 * Count the primes below a bound in a worker process.
	 * @param below the bound
	 * @return the live future of the count
	 */
	// tag::count[]
	@Job(executor = "isolated")
	public CompletableFuture<PrimeCount> count(int below) {
		return CompletableFuture.completedFuture(
				new PrimeCount(below, PrimeController.countPrimes(below), ProcessHandle.current().pid()));
	}
	// end::count[]

}
