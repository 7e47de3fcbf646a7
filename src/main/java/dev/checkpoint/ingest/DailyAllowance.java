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
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

/**
 * How many distinct items each scope may present per UTC day: the first {@code max} items
 * of a scope are admitted, and admitted again whenever they come back that day; further
 * new ones are not. Kept in memory, as salted hashes of (day, scope) and (day, scope,
 * item) only, forgotten at the end of the day.
 */
final class DailyAllowance {

	private final int max;

	private final Clock clock;

	private final byte[] salt = new byte[32];

	private final Cache<Hash, Boolean> seen;

	private final Cache<Hash, AtomicInteger> counts;

	/**
	 * @param max distinct items admitted per scope and day
	 * @param maxTracked most (scope, item) pairs remembered
	 */
	DailyAllowance(int max, long maxTracked, Clock clock) {
		this.max = max;
		this.clock = clock;
		new SecureRandom().nextBytes(this.salt);
		this.seen = Caffeine.newBuilder()
			.maximumSize(maxTracked)
			.expireAfter(new UntilEndOfDay<Hash, Boolean>())
			.build();
		this.counts = Caffeine.newBuilder()
			.maximumSize(maxTracked)
			.expireAfter(new UntilEndOfDay<Hash, AtomicInteger>())
			.build();
	}

	/** Whether {@code item} is admitted for {@code scope} today. */
	boolean admit(String scope, String item) {
		long day = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toEpochDay();
		Hash pair = hash(day, scope, item);
		if (this.seen.asMap().putIfAbsent(pair, Boolean.TRUE) != null) {
			return true;
		}
		AtomicInteger count = this.counts.get(hash(day, scope, null), (key) -> new AtomicInteger());
		if (count.getAndUpdate((n) -> Math.min(n + 1, this.max + 1)) < this.max) {
			return true;
		}
		this.seen.invalidate(pair);
		return false;
	}

	/** The hash of (day, scope, item), or of (day, scope) without an item. */
	private Hash hash(long day, String scope, @Nullable String item) {
		MessageDigest digest = sha256();
		digest.update(this.salt);
		byte[] scopeBytes = scope.getBytes(StandardCharsets.UTF_8);
		byte[] itemBytes = (item != null) ? item.getBytes(StandardCharsets.UTF_8) : new byte[0];
		int itemLength = (item != null) ? itemBytes.length : -1;
		digest.update(ByteBuffer.allocate(16).putLong(day).putInt(scopeBytes.length).putInt(itemLength).array());
		digest.update(scopeBytes);
		digest.update(itemBytes);
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
			Instant now = DailyAllowance.this.clock.instant();
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
