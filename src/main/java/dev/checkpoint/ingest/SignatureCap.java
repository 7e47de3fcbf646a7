package dev.checkpoint.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.checkpoint.shared.RateLimits;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Caps the distinct signatures one client address may present per UTC day, so that fake
 * signatures from one host cannot inflate the monthly actives. Beyond the cap, new
 * signatures are dropped from the ping (it counts as anonymous); signatures the address
 * already presented that day keep working.
 * <p>
 * Kept in memory per instance. Neither addresses nor signatures are kept as such: only
 * salted hashes of (day, address) and (day, address, signature), forgotten at the end of
 * the day.
 */
@Component
class SignatureCap {

	private final SignatureCapProperties properties;

	private final RateLimits rateLimits;

	private final Clock clock;

	private final Counter capped;

	private final byte[] salt = new byte[32];

	private final Cache<Hash, Boolean> seen;

	private final Cache<Hash, AtomicInteger> counts;

	SignatureCap(SignatureCapProperties properties, RateLimits rateLimits, Clock clock, MeterRegistry meters) {
		this.properties = properties;
		this.rateLimits = rateLimits;
		this.clock = clock;
		this.capped = Counter.builder("checkpoint.pings.signatures.capped")
			.description("Pings stored without their signature because the address presented too many new ones")
			.register(meters);
		new SecureRandom().nextBytes(this.salt);
		this.seen = Caffeine.newBuilder()
			.maximumSize(properties.maxTracked())
			.expireAfter(new UntilEndOfDay<Hash, Boolean>())
			.build();
		this.counts = Caffeine.newBuilder()
			.maximumSize(properties.maxTracked())
			.expireAfter(new UntilEndOfDay<Hash, AtomicInteger>())
			.build();
	}

	/**
	 * The signature to store for a ping of this request, whose client address is resolved
	 * as for the rate limits (trusted proxy header, else the peer).
	 */
	@Nullable UUID admit(@Nullable UUID signature, HttpServletRequest request) {
		if (signature == null || !this.properties.enabled()) {
			return signature;
		}
		return admit(signature, this.rateLimits.clientAddress(request));
	}

	/**
	 * The signature to store for a ping from {@code client}: the signature itself, or
	 * {@code null} once the address has presented too many new signatures today.
	 */
	@Nullable UUID admit(@Nullable UUID signature, String client) {
		if (signature == null || !this.properties.enabled()) {
			return signature;
		}
		long day = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toEpochDay();
		Hash pair = hash(day, client, signature);
		if (this.seen.asMap().putIfAbsent(pair, Boolean.TRUE) != null) {
			return signature;
		}
		AtomicInteger count = this.counts.get(hash(day, client, null), (key) -> new AtomicInteger());
		int max = this.properties.maxNewPerDay();
		if (count.getAndUpdate((n) -> Math.min(n + 1, max + 1)) < max) {
			return signature;
		}
		this.seen.invalidate(pair);
		this.capped.increment();
		return null;
	}

	private Hash hash(long day, String client, @Nullable UUID signature) {
		MessageDigest digest = sha256();
		digest.update(this.salt);
		ByteBuffer buffer = ByteBuffer.allocate(8 + 16);
		buffer.putLong(day);
		if (signature != null) {
			buffer.putLong(signature.getMostSignificantBits()).putLong(signature.getLeastSignificantBits());
		}
		digest.update(buffer.array(), 0, buffer.position());
		digest.update(client.getBytes(StandardCharsets.UTF_8));
		ByteBuffer result = ByteBuffer.wrap(digest.digest());
		return new Hash(result.getLong(), result.getLong());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** 128 bits of a salted SHA-256. */
	private record Hash(long high, long low) {
	}

	/** Entries live until the end of the UTC day they were made on. */
	private final class UntilEndOfDay<K, V> implements Expiry<K, V> {

		@Override
		public long expireAfterCreate(K key, V value, long currentTime) {
			Instant now = SignatureCap.this.clock.instant();
			Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
				.plusDays(1)
				.atStartOfDay(ZoneOffset.UTC)
				.toInstant();
			return Duration.between(now, midnight).toNanos();
		}

		@Override
		public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
			return currentDuration;
		}

		@Override
		public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
