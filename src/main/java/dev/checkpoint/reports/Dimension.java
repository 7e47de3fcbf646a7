package dev.checkpoint.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a breakdown splits a month's developers and pings by.
 */
enum Dimension {

	VERSION, OS, ARCH, NODE_VERSION, CI;

	/** Whether the values are versions, shown newest first. */
	boolean versioned() {
		return this == VERSION || this == NODE_VERSION;
	}

	/** The name used in the API and in {@code mau_breakdowns.dimension}. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Dimension> fromKey(String key) {
		return Arrays.stream(values()).filter((dimension) -> dimension.key().equals(key)).findFirst();
	}

}
