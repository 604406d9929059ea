package dev.executor.sample;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.TaskOptions;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asks a flaky partner for quotes on the {@code partner} executor, which retries failed
 * calls (see {@code application.yml}).
 */
@RestController
class PartnerController {

	private final ManagedExecutor partner;

	private final FlakyPartner flakyPartner;

	private final PartnerJobs partnerJobs;

	PartnerController(@Qualifier("partner") ManagedExecutor partner, FlakyPartner flakyPartner,
			PartnerJobs partnerJobs) {
		this.partner = partner;
		this.flakyPartner = flakyPartner;
		this.partnerJobs = partnerJobs;
	}

	// tag::quote[]
	@GetMapping("/quotes/{order}")
	Map<String, Object> quote(@PathVariable String order, @RequestParam(defaultValue = "0") int failures)
			throws Exception {
		FutureProxy<String> quote = this.partner.submitStored("quote-" + order,
				() -> this.flakyPartner.quote(order, failures));
		return Map.of("quote", quote.get(10, TimeUnit.SECONDS), "attempts", quote.attempts());
	}
	// end::quote[]

	// a preview is asked for while the user waits: one attempt of at most two seconds
	// tag::preview[]
	@GetMapping("/quotes/{order}/preview")
	Map<String, Object> preview(@PathVariable String order, @RequestParam(defaultValue = "0") int failures)
			throws Exception {
		FutureProxy<String> quote = this.partner.with(TaskOptions.noRetry().withTimeout(Duration.ofSeconds(2)))
			.submit(() -> this.flakyPartner.quote(order, failures));
		return Map.of("quote", quote.get(10, TimeUnit.SECONDS), "attempts", quote.attempts());
	}
	// end::preview[]

	@PostMapping("/orders/{order}/confirmation")
	Map<String, Object> confirm(@PathVariable String order, @RequestParam(defaultValue = "0") int failures)
			throws Exception {
		FutureProxy<String> confirmation = this.partnerJobs.confirm(order, failures);
		return Map.of("confirmation", confirmation.get(10, TimeUnit.SECONDS), "attempts", confirmation.attempts());
	}

}
