package dev.checkpoint.reports;

/**
 * A read of a report job, staged by {@link JobReads} into the temporary table
 * {@code table}, which the job's statements then write from.
 *
 * @param table the temporary table's name
 * @param select the read, every column of which is named
 */
record StagedRead(String table, String select) {

	/** The statement that stages the read on the application's database itself. */
	String createTable() {
		return "create temporary table " + this.table + " on commit drop as " + this.select;
	}

}
