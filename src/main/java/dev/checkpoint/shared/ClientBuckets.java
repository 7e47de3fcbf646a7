package dev.checkpoint.shared;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The token buckets of one rate limit, one per client, in 21 to 43 bytes each: at most
 * {@code capacity} requests at once, refilled evenly at {@code capacity} per
 * {@code period} (what Bucket4j calls a greedy refill), kept as the generic cell rate
 * algorithm keeps them, by one time per client: when its bucket will be full again.
 * <p>
 * A client is a salted 64-bit hash of its key and that time, in open-addressing arrays of
 * primitives (from 3/8 to 3/4 full) striped over 16 locks. A bucket that has filled up
 * again (at most one {@code period} after the client's last request) is the same as no
 * bucket, so it is dropped whenever the arrays would otherwise grow. Beyond
 * {@code maxClients} clients with a bucket that is not full, a new client is let through
 * without one (as a bucket evicted from a cache starts full again).
 * <p>
 * Bucket4j's {@code Bucket} took about 470 bytes per client with its cache entry
 * (measured), and 20,000 clients were 9.4 MiB of the 72 MiB live in the image's 128 MiB
 * heap under {@code bench/ingest.sh}, which full collections copied on every pass.
 */
final class ClientBuckets {

	private static final int STRIPES = 16;

	private static final int INITIAL_CAPACITY = 64;

	private static final long EMPTY = 0;

	private final long interval;

	private final long tolerance;

	private final int maxPerStripe;

	private final LongSupplier nanoTime;

	private final long salt = new SecureRandom().nextLong();

	private final Stripe[] stripes = new Stripe[STRIPES];

	/**
	 * @param capacity requests a full bucket allows at once
	 * @param period time in which an empty bucket fills up again
	 * @param maxClients most clients with a bucket that is not full
	 * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
	 */
	ClientBuckets(long capacity, Duration period, int maxClients, LongSupplier nanoTime) {
		this.interval = Math.max(1, period.toNanos() / capacity);
		this.tolerance = this.interval * capacity;
		this.maxPerStripe = Math.max(1, maxClients / STRIPES);
		this.nanoTime = nanoTime;
		long now = nanoTime.getAsLong();
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Stripe(now - this.interval);
		}
	}

	/**
	 * Takes one request from the client's bucket.
	 * @return {@code 0} when taken, else the nanoseconds until the bucket has one
	 */
	long take(String client) {
		return request(client, true);
	}

	/**
	 * Whether the client's bucket has a request left, without taking it.
	 * @return {@code 0} when it has (or the client has no bucket), else the nanoseconds
	 * until it has
	 */
	long peek(String client) {
		return request(client, false);
	}

	private long request(String client, boolean take) {
		long key = key(client);
		Stripe stripe = this.stripes[(int) (key >>> 60)];
		long now = this.nanoTime.getAsLong();
		synchronized (stripe) {
			int slot = stripe.find(key);
			boolean kept = stripe.keys[slot] == key;
			if (!kept && !take) {
				return 0;
			}
			long full = kept ? stripe.full[slot] : now;
			long next = ((full - now) > 0 ? full : now) + this.interval;
			long wait = next - now - this.tolerance;
			if (wait > 0 || !take) {
				return Math.max(0, wait);
			}
			if (kept) {
				stripe.full[slot] = next;
			}
			else {
				stripe.add(key, next, now, this.maxPerStripe, this.interval);
			}
			return 0;
		}
	}

	/** Clients with a bucket kept (some may have filled up since). */
	int size() {
		int size = 0;
		for (Stripe stripe : this.stripes) {
			synchronized (stripe) {
				size += stripe.size;
			}
		}
		return size;
	}

	/** A salted 64-bit hash of the client (never {@link #EMPTY}). */
	private long key(String client) {
		long hash = this.salt;
		for (int i = 0; i < client.length(); i++) {
			hash = Hashes.mix(hash ^ client.charAt(i));
		}
		hash = Hashes.mix(hash ^ client.length());
		return (hash == EMPTY) ? 1 : hash;
	}

	/** The clients whose key falls in one sixteenth of the hash space, under its lock. */
	private static final class Stripe {

		long[] keys = new long[INITIAL_CAPACITY];

		/** When each client's bucket is full again, in {@code nanoTime}. */
		long[] full = new long[INITIAL_CAPACITY];

		int size;

		long sweptAt;

		Stripe(long sweptAt) {
			this.sweptAt = sweptAt;
		}

		/** The key's slot, or the empty slot where it would go. */
		int find(long key) {
			int mask = this.keys.length - 1;
			int i = (int) key & mask;
			while (this.keys[i] != EMPTY && this.keys[i] != key) {
				i = (i + 1) & mask;
			}
			return i;
		}

		/**
		 * Adds a client whose bucket is full again at {@code full}. At a load of 3/4, and
		 * at {@code max} clients (then at most once per {@code every} nanoseconds), the
		 * clients whose bucket is full by {@code now} are dropped first; the arrays
		 * double only if that left them more than half full. Past {@code max} clients the
		 * new one is not kept.
		 */
		void add(long key, long full, long now, int max, long every) {
			boolean crowded = (this.size + 1) * 4L > this.keys.length * 3L;
			if (crowded || (this.size >= max && (now - this.sweptAt) >= every)) {
				int kept = 0;
				for (int i = 0; i < this.keys.length; i++) {
					if (this.keys[i] != EMPTY && (this.full[i] - now) > 0) {
						kept++;
					}
				}
				int capacity = this.keys.length;
				while ((Math.min(kept, max - 1) + 1) * 2L > capacity) {
					capacity *= 2;
				}
				rebuild(capacity, now);
				this.sweptAt = now;
			}
			if (this.size >= max) {
				return;
			}
			int slot = find(key);
			this.keys[slot] = key;
			this.full[slot] = full;
			this.size++;
		}

		private void rebuild(int capacity, long now) {
			long[] oldKeys = this.keys;
			long[] oldFull = this.full;
			this.keys = new long[capacity];
			this.full = new long[capacity];
			this.size = 0;
			for (int i = 0; i < oldKeys.length; i++) {
				if (oldKeys[i] != EMPTY && (oldFull[i] - now) > 0) {
					int slot = find(oldKeys[i]);
					this.keys[slot] = oldKeys[i];
					this.full[slot] = oldFull[i];
					this.size++;
				}
			}
		}

	}

}
