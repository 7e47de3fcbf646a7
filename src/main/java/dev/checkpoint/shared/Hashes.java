package dev.checkpoint.shared;

/** Hashing of keys kept in memory. */
public final class Hashes {

	private Hashes() {
	}

	/**
	 * MurmurHash3's 64-bit finaliser: every bit of the result depends on every bit of the
	 * value.
	 */
	public static long mix(long value) {
		long h = value;
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

}
