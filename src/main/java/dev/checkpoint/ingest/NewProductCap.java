package dev.checkpoint.ingest;

import java.time.Clock;

import dev.checkpoint.shared.RateLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Caps the product names outside the catalogue that one client address may bring in per
 * UTC day, when such pings are stored: the first ones of the day are stored, and keep
 * being stored that day; pings of further unknown names get the same neutral answer but
 * are not stored, so that junk names cannot fill the reports and the product list.
 * <p>
 * Kept in memory per instance, as salted hashes only (see {@link DailyAllowance}).
 */
@Component
class NewProductCap {

	private final RateLimits rateLimits;

	private final Counter capped;

	private final DailyAllowance allowance;

	NewProductCap(NewProductCapProperties properties, RateLimits rateLimits, Clock clock, MeterRegistry meters) {
		this.rateLimits = rateLimits;
		this.capped = Counter.builder("checkpoint.pings.products.capped")
			.description("Pings of unknown products not stored because the address brought in too many new ones")
			.register(meters);
		this.allowance = new DailyAllowance(properties.maxPerDay(), properties.maxTracked(), clock);
	}

	/**
	 * Whether a ping of {@code product}, which the catalogue does not list, may be stored
	 * for this request's client address (resolved as for the rate limits).
	 */
	boolean admit(String product, HttpServletRequest request) {
		return admit(product, this.rateLimits.clientAddress(request));
	}

	/**
	 * Whether a ping of {@code product}, not in the catalogue, from {@code client} is
	 * stored.
	 */
	boolean admit(String product, String client) {
		if (this.allowance.admit(client, product)) {
			return true;
		}
		this.capped.increment();
		return false;
	}

}
