package dev.checkpoint.reports;

/**
 * One value of a breakdown dimension.
 *
 * @param value the (normalised) value; {@code unknown} when the clients sent none
 * @param developers distinct signatures among the month's pings with this value
 * @param pings all pings with this value, with or without a signature
 */
record BreakdownRowView(String value, long developers, long pings) {
}
