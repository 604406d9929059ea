package dev.executor.sample;

import java.io.Serializable;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands CPU-heavy work to the {@code isolated} executor, whose tasks run in worker JVMs:
 * a task that exhausts its heap or crashes ends its worker, not the application. The work
 * is submitted as a lambda, or called as a {@link PrimeJobs @Job} method.
 */
@RestController
class PrimeController {

	private final ManagedExecutor isolated;

	private final PrimeJobs jobs;

	PrimeController(@Qualifier("isolated") ManagedExecutor isolated, PrimeJobs jobs) {
		this.isolated = isolated;
		this.jobs = jobs;
	}

	// tag::primes[]
	@GetMapping("/isolated/primes")
	PrimeCount primes(@RequestParam(defaultValue = "100000") int below) throws Exception {
		FutureProxy<PrimeCount> count = this.isolated
			.submit(() -> new PrimeCount(below, countPrimes(below), ProcessHandle.current().pid()));
		return count.get();
	}
	// end::primes[]

	@GetMapping("/isolated/primes/job")
	PrimeCount primesByJob(@RequestParam(defaultValue = "100000") int below) throws Exception {
		return this.jobs.count(below).get();
	}

	static int countPrimes(int below) {
		int count = 0;
		for (int n = 2; n < below; n++) {
			if (isPrime(n)) {
				count++;
			}
		}
		return count;
	}

	private static boolean isPrime(int n) {
		for (int divisor = 2; (long) divisor * divisor <= n; divisor++) {
			if (n % divisor == 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The number of primes below a bound, and the worker process that counted them.
	 *
	 * @param below the bound
	 * @param primes the number of primes below it
	 * @param workerPid the process id of the worker that counted them
	 */
	record PrimeCount(int below, int primes, long workerPid) implements Serializable {

	}

}
