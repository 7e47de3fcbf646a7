package dev.checkpoint.shared;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;

/**
 * Per-client token buckets (Bucket4j), kept in memory per instance and keyed by the
 * client address, which is never stored anywhere else.
 */
@Service
public class RateLimits {

	private final RateLimitProperties properties;

	private final MeterRegistry meters;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofHours(1))
		.maximumSize(200_000)
		.build();

	RateLimits(RateLimitProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
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

	/** The client's address: the trusted proxy header's first entry, else the peer. */
	public String clientAddress(HttpServletRequest request) {
		String header = this.properties.clientIpHeader();
		if (header != null && !header.isBlank()) {
			String value = request.getHeader(header);
			if (value != null && !value.isBlank()) {
				return value.split(",")[0].trim().toLowerCase(Locale.ROOT);
			}
		}
		return request.getRemoteAddr();
	}

}
