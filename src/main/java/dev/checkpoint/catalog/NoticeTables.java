package dev.checkpoint.catalog;

/**
 * The tables of the catalogue that other modules may read in their own SQL (reports count
 * who was shown a notice). Only the catalogue writes them, and it keeps the columns named
 * here.
 */
public enum NoticeTables {

	/**
	 * Which notice ({@code notice_id}) was sent to which {@code signature}, once, and
	 * when ({@code delivered_at}). Rows older than
	 * {@code checkpoint.catalog.deliveries.retention}, and those of retired notices, are
	 * deleted.
	 */
	NOTICE_DELIVERIES("notice_deliveries");

	private final String sqlName;

	NoticeTables(String sqlName) {
		this.sqlName = sqlName;
	}

	/** The table's name in SQL. */
	public String sqlName() {
		return this.sqlName;
	}

}
