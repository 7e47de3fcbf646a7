package dev.checkpoint.shared;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;

/**
 * Per-client token buckets ({@link ClientBuckets}: at most the capacity at once, refilled
 * evenly over the period), kept in memory per instance and keyed by the client address
 * (an IPv6 client by its /64), which is never stored anywhere else.
 */
@Service
public class RateLimits {

	private static final String CLIENT_ATTRIBUTE = RateLimits.class.getName() + ".client";

	/** Most clients per limit whose bucket is not full: at most 2 MiB of heap each. */
	private static final int MAX_CLIENTS = 50_000;

	private final MeterRegistry meters;

	private final ClientAddresses clientAddresses;

	/** The buckets of each enabled limit, by name. */
	private final Map<String, ClientBuckets> limits = new HashMap<>();

	RateLimits(RateLimitProperties properties, MeterRegistry meters) {
		this.meters = meters;
		this.clientAddresses = new ClientAddresses(properties.clientIpHeader(), properties.trustedProxies());
		properties.limits().forEach((name, limit) -> {
			if (limit.enabled()) {
				ClientBuckets buckets = new ClientBuckets(limit.capacity(), limit.period(), MAX_CLIENTS,
						System::nanoTime);
				this.limits.put(name, buckets);
				Gauge.builder("checkpoint.rate_limit.clients", buckets, ClientBuckets::size)
					.description("Clients with a bucket kept in memory")
					.tag("limit", name)
					.register(meters);
			}
		});
	}

	/**
	 * Takes one request from the client's bucket of limit {@code name}.
	 * @throws RateLimitExceededException to answer 429 with Retry-After
	 */
	public void consume(String name, HttpServletRequest request) {
		ClientBuckets buckets = this.limits.get(name);
		if (buckets == null) {
			return;
		}
		long wait = buckets.take(clientAddress(request));
		if (wait > 0) {
			throw refused(name, wait);
		}
	}

	/**
	 * Refuses a client whose bucket of limit {@code name} is empty, without taking from
	 * it: for limits on failures, which take from the bucket ({@link #consume}) only once
	 * a request failed. A client without a bucket yet passes, and gets none.
	 * @throws RateLimitExceededException to answer 429 with Retry-After
	 */
	public void check(String name, HttpServletRequest request) {
		ClientBuckets buckets = this.limits.get(name);
		if (buckets == null) {
			return;
		}
		long wait = buckets.peek(clientAddress(request));
		if (wait > 0) {
			throw refused(name, wait);
		}
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
