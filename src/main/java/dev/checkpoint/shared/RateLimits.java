package dev.checkpoint.shared;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
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

	/**
	 * A bucket with its key takes about 470 bytes on the heap (measured): 50,000 are
	 * about 23 MiB of the image's 128 MiB heap. An evicted bucket starts full again.
	 */
	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofHours(1))
		.maximumSize(50_000)
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
		Bucket bucket = this.buckets.get(key(name, request),
				(key) -> Bucket.builder()
					.addLimit((spec) -> spec.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
					.withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED)
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw refused(name, probe.getNanosToWaitForRefill());
		}
	}

	/**
	 * Refuses a client whose bucket of limit {@code name} is empty, without taking from
	 * it: for limits on failures, which take from the bucket ({@link #consume}) only once
	 * a request failed. A client without a bucket yet passes, and gets none.
	 * @throws RateLimitExceededException to answer 429 with Retry-After
	 */
	public void check(String name, HttpServletRequest request) {
		RateLimitProperties.Limit limit = this.properties.limits().get(name);
		if (limit == null || !limit.enabled()) {
			return;
		}
		Bucket bucket = this.buckets.getIfPresent(key(name, request));
		if (bucket == null) {
			return;
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		if (!probe.canBeConsumed()) {
			throw refused(name, probe.getNanosToWaitForRefill());
		}
	}

	private String key(String name, HttpServletRequest request) {
		return name + '|' + clientAddress(request);
	}

	private RateLimitExceededException refused(String name, long nanosToWait) {
		this.meters.counter("checkpoint.rate_limit.refused", "limit", name).increment();
		return RateLimitExceededException.retryAfter(Duration.ofNanos(nanosToWait));
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
