package dev.executor.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Stands in for a partner service that times out now and then: the quote of an order
 * fails as often as asked before it answers.
 */
@Component
public class FlakyPartner {

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	/**
	 * Ask for the quote of an order.
	 * @param order the order
	 * @param failures how many calls for this order fail before one answers
	 * @return the quote
	 * @throws IllegalArgumentException if the order is blank, which no retry mends
	 * @throws PartnerTimeoutException while the order has failures left
	 */
	public String quote(String order, int failures) {
		if (order.isBlank()) {
			throw new IllegalArgumentException("Order must not be blank");
		}
		int call = this.calls.computeIfAbsent(order, (key) -> new AtomicInteger()).incrementAndGet();
		if (call <= failures) {
			throw new PartnerTimeoutException("Partner timed out on call " + call + " for order " + order);
		}
		return "Quote for order " + order + " after " + call + " calls";
	}

	/**
	 * A passing failure of the partner, worth another attempt.
	 */
	public static class PartnerTimeoutException extends RuntimeException {

		PartnerTimeoutException(String message) {
			super(message);
		}

	}

}
