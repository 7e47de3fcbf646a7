package dev.checkpoint.reports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of the jobs that compute reports. Each read is staged into a temporary table
 * of the caller's transaction on the application's database, which the job's statements
 * then write from. With a standby configured ({@link ReportReads#fromStandby()}), the
 * read runs there and its rows are copied in ({@code COPY ... FROM STDIN}, in
 * PostgreSQL's text format): first the standby must have replayed everything the primary
 * had flushed when the read was asked for (its {@code pg_current_wal_flush_lsn()}: every
 * commit it has acknowledged, with {@code synchronous_commit} on), so a job reads what it
 * would have read on the primary, bar the transaction's own uncommitted writes, which no
 * staged read depends on. A standby that does not get there within
 * {@code checkpoint.reports.datasource.max-lag}, or cannot be reached, leaves that read
 * to the primary (logged); a read that fails once copying has begun fails the job's run,
 * which its next run repeats.
 */
@Component
class JobReads {

	private static final Logger log = LoggerFactory.getLogger(JobReads.class);

	private static final int FLUSH_BYTES = 64 * 1024;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ReportReads reads;

	private final ReportsProperties properties;

	private final Duration maxLag;

	JobReads(JdbcClient jdbc, DataSource dataSource, ReportReads reads, ReportsProperties properties,
			ReportsDataSourceProperties standby) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.reads = reads;
		this.properties = properties;
		this.maxLag = standby.maxLag();
	}

	/**
	 * Creates the read's temporary table (dropped when the caller's transaction ends,
	 * replacing one of that name) holding its rows.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void stage(StagedRead read, Map<String, ?> params) {
		String table = read.table();
		this.jdbc.sql("drop table if exists pg_temp." + table).update();
		if (this.reads.fromStandby() && standbyHasReplayed()) {
			this.reads.read((standby) -> {
				standby.sql("set local work_mem = '" + workMemKilobytes() + "kB'").update();
				return standby.sql(read.select()).params(params).withFetchSize(1000).query((ResultSet rows) -> {
					copy(table, rows);
					return table;
				});
			});
		}
		else {
			this.jdbc.sql(read.createTable()).params(params).update();
		}
	}

	/**
	 * Gives the caller's transaction the {@code work_mem} of a report computation
	 * ({@code checkpoint.reports.compute-work-mem}), which the staged reads on the
	 * standby get too.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void useComputeWorkMem() {
		this.jdbc.sql("set local work_mem = '" + workMemKilobytes() + "kB'").update();
	}

	private long workMemKilobytes() {
		return Math.max(64, this.properties.computeWorkMem().toKilobytes());
	}

	/**
	 * Whether the standby has replayed the primary's WAL up to where it is now, waiting
	 * up to {@code max-lag} for it.
	 */
	private boolean standbyHasReplayed() {
		String lsn = this.jdbc.sql("select pg_current_wal_flush_lsn()::text").query(String.class).single();
		Instant deadline = Instant.now().plus(this.maxLag);
		try {
			while (!this.reads.read(
					(standby) -> standby.sql("select coalesce(pg_last_wal_replay_lsn() >= cast(:lsn as pg_lsn), false)")
						.param("lsn", lsn)
						.query(Boolean.class)
						.single())) {
				if (Instant.now().isAfter(deadline)) {
					log.warn("The reports' standby has not replayed {} within {}: this job's read goes to the primary",
							lsn, this.maxLag);
					return false;
				}
				Thread.sleep(10);
			}
			return true;
		}
		catch (DataAccessException ex) {
			log.warn("The reports' standby cannot be read ({}): this job's read goes to the primary", ex.getMessage());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the reports' standby", ex);
		}
	}

	/** Creates {@code table} with the columns of {@code rows} and copies the rows in. */
	private void copy(String table, ResultSet rows) throws SQLException {
		ResultSetMetaData columns = rows.getMetaData();
		List<String> definitions = new ArrayList<>();
		for (int i = 1; i <= columns.getColumnCount(); i++) {
			definitions.add('"' + columns.getColumnLabel(i) + "\" " + typeName(columns.getColumnTypeName(i)));
		}
		this.jdbc.sql("create temporary table %s (%s) on commit drop".formatted(table, String.join(", ", definitions)))
			.update();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin");
			StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 1024);
			int count = columns.getColumnCount();
			while (rows.next()) {
				for (int i = 1; i <= count; i++) {
					if (i > 1) {
						buffer.append('\t');
					}
					appendCopyText(buffer, rows.getString(i));
				}
				buffer.append('\n');
				if (buffer.length() >= FLUSH_BYTES) {
					write(copy, buffer);
				}
			}
			write(copy, buffer);
			copy.endCopy();
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	/**
	 * A value in {@code COPY}'s text format: {@code \N} for null, and backslash, tab,
	 * newline and carriage return escaped.
	 */
	static void appendCopyText(StringBuilder buffer, String value) {
		if (value == null) {
			buffer.append("\\N");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> buffer.append("\\\\");
				case '\t' -> buffer.append("\\t");
				case '\n' -> buffer.append("\\n");
				case '\r' -> buffer.append("\\r");
				default -> buffer.append(c);
			}
		}
	}

	/** A column type as the driver names it, in SQL ({@code _text} is {@code text[]}). */
	static String typeName(String driverName) {
		String name = driverName.startsWith("_") ? driverName.substring(1) + "[]" : driverName;
		if (!name.matches("[a-z_][a-z0-9_]*(\\[])?")) {
			throw new IllegalArgumentException("Cannot stage a column of type " + driverName);
		}
		return name;
	}

}
