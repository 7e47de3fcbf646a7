package dev.checkpoint.shared;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;

/**
 * Per-client token buckets (Bucket4j), kept in memory per instance and keyed by the
 * client address (an IPv6 client by its /64), which is never stored anywhere else.
 */
@Service
public class RateLimits {

	private static final String CLIENT_ATTRIBUTE = RateLimits.class.getName() + ".client";

	private final RateLimitProperties properties;

	private final MeterRegistry meters;

	private final ClientAddresses clientAddresses;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofHours(1))
		.maximumSize(200_000)
		.build();

	RateLimits(RateLimitProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		this.clientAddresses = new ClientAddresses(properties.clientIpHeader(), properties.trustedProxies());
	}

	/**
	 * Takes one request from the client's bucket of limit {@code name}.
	 * @throws RateLimitExceededException to answer 429 with Retry-After
	 */
	public void consume(String name, HttpServletRequest request) {
		RateLimitProperties.Limit limit = this.properties.limits().get(name);
		if (limit == null || !limit.enabled()) {
			return;
		}
		String client = clientAddress(request);
		Bucket bucket = this.buckets.get(name + '|' + client,
				(key) -> Bucket.builder()
					.addLimit((spec) -> spec.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			this.meters.counter("checkpoint.rate_limit.refused", "limit", name).increment();
			throw RateLimitExceededException.retryAfter(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	/**
	 * The key a client is counted under, by the rate limits and by the caps of other
	 * modules: the connection's address or, from a trusted proxy, the right-most address
	 * of the proxy header that is not a trusted proxy; an IPv4 address in full, an IPv6
	 * one as its /64 ({@code 2001:db8:0:1:0:0:0:0/64}). Resolved once per request.
	 */
	public String clientAddress(HttpServletRequest request) {
		if (request.getAttribute(CLIENT_ATTRIBUTE) instanceof String client) {
			return client;
		}
		String client = this.clientAddresses.resolve(request);
		request.setAttribute(CLIENT_ATTRIBUTE, client);
		return client;
	}

}
