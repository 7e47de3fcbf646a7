package dev.checkpoint.ingest;

import java.time.Clock;
import java.util.UUID;

import dev.checkpoint.shared.RateLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Caps the distinct signatures one client address may present per product and UTC day, so
 * that fake signatures from one host cannot inflate the monthly actives. Beyond the cap,
 * new signatures are dropped from the ping (it counts as anonymous); signatures the
 * address already presented for that product that day keep working. Each product has its
 * own count: an office pinging two products is not capped sooner, and a signature
 * admitted for one product counts again for another.
 * <p>
 * Kept in memory per instance. Neither addresses nor signatures are kept as such (see
 * {@link DailyAllowance}).
 */
@Component
class SignatureCap {

	private final SignatureCapProperties properties;

	private final RateLimits rateLimits;

	private final Counter capped;

	private final DailyAllowance allowance;

	SignatureCap(SignatureCapProperties properties, RateLimits rateLimits, Clock clock, MeterRegistry meters) {
		this.properties = properties;
		this.rateLimits = rateLimits;
		this.capped = Counter.builder("checkpoint.pings.signatures.capped")
			.description("Pings stored without their signature because the address presented too many new ones")
			.register(meters);
		this.allowance = new DailyAllowance(properties.maxNewPerDay(), properties.maxTracked(), clock);
	}

	/**
	 * The signature to store for a ping of {@code product} from this request, whose
	 * client address is resolved as for the rate limits.
	 */
	@Nullable UUID admit(@Nullable UUID signature, String product, HttpServletRequest request) {
		if (signature == null || !this.properties.enabled()) {
			return signature;
		}
		return admit(signature, product, this.rateLimits.clientAddress(request));
	}

	/**
	 * The signature to store for a ping of {@code product} from {@code client}: the
	 * signature itself, or {@code null} once the address has presented too many new
	 * signatures for that product today.
	 */
	@Nullable UUID admit(@Nullable UUID signature, String product, String client) {
		if (signature == null || !this.properties.enabled()) {
			return signature;
		}
		if (this.allowance.admit(client + ' ' + product, signature.toString())) {
			return signature;
		}
		this.capped.increment();
		return null;
	}

}
