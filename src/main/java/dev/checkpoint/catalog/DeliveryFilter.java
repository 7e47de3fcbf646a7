package dev.checkpoint.catalog;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import dev.checkpoint.shared.Hashes;

/**
 * A Bloom filter of (notice, signature) deliveries. "No" is certain; "maybe" is wrong for
 * about 1 % of the pairs never added, as long as no more than {@code capacity} pairs were
 * added (6 % at one and a half times the capacity, 16 % at twice). It takes 9.6 bits per
 * pair of capacity. Bits are only ever set, atomically, so it is safe for concurrent use
 * and a pair once added always answers "maybe". The hashes are salted per instance, so
 * that nobody can choose signatures that collide with the ones stored.
 */
final class DeliveryFilter {

	private static final int HASHES = 7;

	private static final double BITS_PER_PAIR = 9.6;

	private final int capacity;

	private final AtomicLongArray words;

	private final long bits;

	private final long salt = new SecureRandom().nextLong();

	private final LongAdder pairs = new LongAdder();

	DeliveryFilter(int capacity) {
		this.capacity = capacity;
		long words = Math.max(1, ((long) Math.ceil(capacity * BITS_PER_PAIR) + 63) / 64);
		this.words = new AtomicLongArray(Math.toIntExact(words));
		this.bits = words * 64;
	}

	/**
	 * Adds a pair.
	 * @return whether the filter changed: false when it already answered "maybe"
	 */
	boolean add(DeliveryKey key) {
		long first = firstHash(key);
		long second = secondHash(first);
		boolean changed = false;
		for (int i = 0; i < HASHES; i++) {
			long bit = Math.floorMod(first + i * second, this.bits);
			long mask = 1L << bit;
			int word = (int) (bit >>> 6);
			if ((this.words.get(word) & mask) == 0
					&& (this.words.getAndAccumulate(word, mask, (current, set) -> current | set) & mask) == 0) {
				changed = true;
			}
		}
		if (changed) {
			this.pairs.increment();
		}
		return changed;
	}

	boolean mightContain(DeliveryKey key) {
		long first = firstHash(key);
		long second = secondHash(first);
		for (int i = 0; i < HASHES; i++) {
			long bit = Math.floorMod(first + i * second, this.bits);
			if ((this.words.get((int) (bit >>> 6)) & (1L << bit)) == 0) {
				return false;
			}
		}
		return true;
	}

	/** The pairs added so far that changed the filter (about the distinct pairs). */
	long pairs() {
		return this.pairs.sum();
	}

	int capacity() {
		return this.capacity;
	}

	private long firstHash(DeliveryKey key) {
		return Hashes.mix(Hashes.mix(Hashes.mix(this.salt ^ key.high()) ^ key.low()) ^ key.noticeId());
	}

	private static long secondHash(long first) {
		return Hashes.mix(first ^ 0x9E3779B97F4A7C15L) | 1;
	}

}
