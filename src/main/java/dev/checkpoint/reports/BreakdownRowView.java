package dev.checkpoint.reports;

/**
 * One value of a breakdown dimension.
 *
 * @param value the (normalised) value; {@code unknown} when the clients sent none,
 * {@code other} for the values folded together below the privacy threshold
 * @param developers distinct signatures among the month's pings with this value (for the
 * folded row, the sum over its values)
 * @param pings all pings with this value, with or without a signature
 * @param foldedValues how many values this row holds below the threshold
 * ({@code checkpoint.reports.min-cell-size}); 0 for a value shown on its own
 */
record BreakdownRowView(String value, long developers, long pings, int foldedValues) {

	BreakdownRowView(String value, long developers, long pings) {
		this(value, developers, pings, 0);
	}

}
