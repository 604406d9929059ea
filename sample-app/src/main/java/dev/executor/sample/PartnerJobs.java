package dev.executor.sample;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.Jobs;
import dev.executor.sample.FlakyPartner.PartnerTimeoutException;

import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Component;

/**
 * Confirms orders with the flaky partner as a job: the executor retries its time-outs
 * and lets one confirmation talk to the partner at a time, while others wait without a
 * worker.
 */
@Component
public class PartnerJobs {

	private final FlakyPartner partner;

	PartnerJobs(FlakyPartner partner) {
		this.partner = partner;
	}

	/**
	 * Confirm an order with the partner.
	 * @param order the order
	 * @param failures how many calls for this order time out before one answers
	 * @return the future of the confirmation
	 */
	// tag::confirm[]
	@Job(executor = "partner", key = "'confirmation-' + #order")
	@Retryable(includes = PartnerTimeoutException.class, maxRetries = 4, delay = 50, multiplier = 2)
	@ConcurrencyLimit(1)
	public FutureProxy<String> confirm(String order, int failures) {
		return Jobs.completed(this.partner.quote("confirmation of " + order, failures));
	}
	// end::confirm[]

}
