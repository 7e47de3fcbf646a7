package dev.checkpoint.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * How many distinct items each scope may present per UTC day: the first {@code max} items
 * of a scope are admitted, and admitted again whenever they come back that day; further
 * new ones are not. Kept in memory as 64-bit salted hashes of (scope) and (scope, item)
 * only, in two open-addressing tables of primitives (about 16 bytes per entry and no
 * object per entry, so a full day's worth fits a small heap), dropped at the end of the
 * day.
 * <p>
 * At most {@code maxTracked} pairs are remembered per day: once the table is full, a pair
 * that comes back counts against its scope again (it may then be refused), and scopes
 * beyond the table are refused new items. It fails closed, never open.
 */
final class DailyAllowance {

	private static final int EMPTY = 0;

	private final int max;

	private final int maxTracked;

	private final Clock clock;

	private final byte[] salt = new byte[32];

	private @Nullable Day today;

	/**
	 * @param max distinct items admitted per scope and day
	 * @param maxTracked most (scope, item) pairs, and most scopes, remembered per day
	 */
	DailyAllowance(int max, long maxTracked, Clock clock) {
		this.max = max;
		this.maxTracked = (int) Math.min(maxTracked, 1 << 28);
		this.clock = clock;
		new SecureRandom().nextBytes(this.salt);
	}

	/** Whether {@code item} is admitted for {@code scope} today. */
	boolean admit(String scope, String item) {
		long epochDay = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toEpochDay();
		MessageDigest digest = sha256();
		digest.update(this.salt);
		digest.update(scope.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		long scopeHash = nonEmpty(digest);
		digest.update(this.salt);
		digest.update(longBytes(scopeHash));
		digest.update(item.getBytes(StandardCharsets.UTF_8));
		long pairHash = nonEmpty(digest);
		Day day = day(epochDay);
		synchronized (day) {
			if (day.pairs.contains(pairHash)) {
				return true;
			}
			if (this.max < 1 || !day.counts.increment(scopeHash, this.max)) {
				return false;
			}
			day.pairs.add(pairHash);
			return true;
		}
	}

	private synchronized Day day(long epochDay) {
		Day day = this.today;
		if (day == null || day.epochDay != epochDay) {
			day = new Day(epochDay, this.maxTracked);
			this.today = day;
		}
		return day;
	}

	/** The first 64 bits of the digest, never {@link #EMPTY}; resets the digest. */
	private static long nonEmpty(MessageDigest digest) {
		byte[] hash = digest.digest();
		long value = 0;
		for (int i = 0; i < 8; i++) {
			value = (value << 8) | (hash[i] & 0xff);
		}
		return (value == EMPTY) ? 1 : value;
	}

	private static byte[] longBytes(long value) {
		byte[] bytes = new byte[8];
		for (int i = 7; i >= 0; i--) {
			bytes[i] = (byte) value;
			value >>>= 8;
		}
		return bytes;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One UTC day's pairs and per-scope counts. */
	private static final class Day {

		final long epochDay;

		final Table pairs;

		final Table counts;

		Day(long epochDay, int maxTracked) {
			this.epochDay = epochDay;
			this.pairs = new Table(maxTracked);
			this.counts = new Table(maxTracked);
		}

	}

	/**
	 * An open-addressing table of non-zero long keys with an int value each, holding at
	 * most {@code limit} keys; it starts small and doubles at a load of 3/4.
	 */
	private static final class Table {

		private static final int INITIAL_CAPACITY = 1024;

		private long[] keys = new long[INITIAL_CAPACITY];

		private int[] values = new int[INITIAL_CAPACITY];

		private final int limit;

		private int size;

		Table(int limit) {
			this.limit = limit;
		}

		/** The key's slot, or the empty slot where it would go. */
		int find(long key) {
			int mask = this.keys.length - 1;
			int i = slot(key, mask);
			while (this.keys[i] != EMPTY && this.keys[i] != key) {
				i = (i + 1) & mask;
			}
			return i;
		}

		boolean contains(long key) {
			return this.keys[find(key)] == key;
		}

		/** Adds the key (value 0) unless it is there or the table is full. */
		void add(long key) {
			slotFor(key);
		}

		/**
		 * Counts one more for the key if it has fewer than {@code max}.
		 * @return whether it was counted (false for a new key once full)
		 */
		boolean increment(long key, int max) {
			int i = slotFor(key);
			if (i < 0 || this.values[i] >= max) {
				return false;
			}
			this.values[i]++;
			return true;
		}

		/** The key's slot, added if new; -1 when new and the table is full. */
		private int slotFor(long key) {
			int i = find(key);
			if (this.keys[i] == key) {
				return i;
			}
			if (this.size >= this.limit) {
				return -1;
			}
			if ((this.size + 1) * 4L > this.keys.length * 3L) {
				grow();
				i = find(key);
			}
			this.keys[i] = key;
			this.size++;
			return i;
		}

		private void grow() {
			long[] oldKeys = this.keys;
			int[] oldValues = this.values;
			this.keys = new long[oldKeys.length * 2];
			this.values = new int[oldKeys.length * 2];
			for (int j = 0; j < oldKeys.length; j++) {
				if (oldKeys[j] != EMPTY) {
					int i = find(oldKeys[j]);
					this.keys[i] = oldKeys[j];
					this.values[i] = oldValues[j];
				}
			}
		}

	}

	private static int slot(long key, int mask) {
		return (int) (key ^ (key >>> 32)) & mask;
	}

}
