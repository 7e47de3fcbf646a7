package dev.checkpoint.ingest;

import java.time.Duration;

/**
 * The tables and views of ingest that other modules may read in their own SQL (reports
 * computes monthly active developers from them). Only ingest writes them, and it keeps
 * the columns named here. Referring to a table through this type, rather than by its name
 * alone, makes the dependency on ingest visible to the module checks.
 */
public enum PingTables {

	/**
	 * Every stored ping with its values: a row holds one signature's pings of one product
	 * and kind in a fold window (a ping without a signature has its own row). Among its
	 * columns: {@code received_at} (the window's start), {@code hits} (the pings in the
	 * row), {@code product}, {@code signature} (null when none was sent), {@code ci}, and
	 * the latest ping's raw {@code version}, {@code os}, {@code arch} and
	 * {@code node_version}.
	 */
	PING_DETAILS("ping_details"),

	/**
	 * One row per product, UTC month ({@code month}, its first day) and signature, kept
	 * in the same statement as the pings: {@code days} has bit d-1 set when the signature
	 * was seen on day d, {@code non_ci} once it was seen outside CI.
	 */
	MONTHLY_ACTIVES("monthly_actives"),

	/**
	 * The pings that came without a signature, counted per product and UTC month:
	 * {@code pings}.
	 */
	MONTHLY_ANONYMOUS("monthly_anonymous"),

	/**
	 * The UTC days ({@code day}) of a {@code product} whose stored pings changed after
	 * the day was over: by a batch stored more than {@link #LATE_AFTER} after its pings
	 * arrived (a slow write, or the spool replayed after an outage) or by an erasure.
	 * Whoever recomputes a day from the pings deletes its row.
	 */
	PING_LATE_DAYS("ping_late_days");

	/**
	 * A ping stored later than this after it arrived marks its day in
	 * {@link #PING_LATE_DAYS}. A day read more than this after its end therefore either
	 * holds all its pings or is marked.
	 */
	public static final Duration LATE_AFTER = Duration.ofMinutes(5);

	private final String sqlName;

	PingTables(String sqlName) {
		this.sqlName = sqlName;
	}

	/** The table's (or view's) name in SQL. */
	public String sqlName() {
		return this.sqlName;
	}

}
