package dev.checkpoint.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ClassUtils;

/**
 * Writes pings through ingest's own write statement ({@code PingStore.INSERT}, read here
 * rather than copied), so that the pings and the monthly rollups are exactly what
 * production stores, at any chosen time. Creates the month partitions that the
 * application does not create itself.
 */
final class PingFixtures {

	private static final String INSERT = (String) ReflectionTestUtils
		.getField(ClassUtils.resolveClassName("dev.checkpoint.ingest.PingStore", null), "INSERT");

	private static final int COLUMNS = 25;

	private PingFixtures() {
	}

	/**
	 * Creates the month's partition (and unique index) as ingest's PartitionManager does.
	 */
	static void createPartition(JdbcTemplate jdbc, YearMonth month) {
		String table = "pings_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
		jdbc.execute(
				"create table if not exists %s partition of pings for values from ('%s 00:00:00+00') to ('%s 00:00:00+00')"
					.formatted(table, month.atDay(1), month.plusMonths(1).atDay(1)));
		jdbc.execute(
				"create unique index if not exists %s_client_event_id on %s (client_event_id) where client_event_id is not null"
					.formatted(table, table));
	}

	/**
	 * Stores the pings in one statement, as one group commit of the ping writer would.
	 */
	static void store(JdbcTemplate jdbc, List<TestPing> pings) {
		jdbc.execute(INSERT, (PreparedStatement statement) -> {
			Connection connection = statement.getConnection();
			bind(statement, connection, 1, "text", pings, (p) -> p.at().toString());
			bind(statement, connection, 2, "int2", pings, (p) -> (short) 1);
			bind(statement, connection, 3, "text", pings, TestPing::product);
			bind(statement, connection, 4, "text", pings, TestPing::version);
			bind(statement, connection, 5, "text", pings, TestPing::os);
			bind(statement, connection, 6, "text", pings, TestPing::arch);
			bind(statement, connection, 7, "uuid", pings, TestPing::signature);
			bind(statement, connection, 8, "bool", pings, TestPing::ci);
			bind(statement, connection, 9, "text", pings, TestPing::clientEventId);
			for (int column = 10; column <= COLUMNS; column++) {
				Function<TestPing, @Nullable Object> value = (column == 17) ? TestPing::nodeVersion : (p) -> null;
				String type = (column == 22) ? "bool" : "text";
				bind(statement, connection, column, type, pings, value);
			}
			statement.execute();
			return null;
		});
	}

	private static void bind(PreparedStatement statement, Connection connection, int index, String type,
			List<TestPing> pings, Function<TestPing, ? extends @Nullable Object> column) throws SQLException {
		Object[] values = pings.stream().map(column).toArray();
		statement.setArray(index, connection.createArrayOf(type, values));
	}

	/**
	 * The ping fields that reports read; the rest stay empty.
	 */
	record TestPing(Instant at, String product, String version, String os, String arch, @Nullable UUID signature,
			@Nullable Boolean ci, @Nullable String nodeVersion, @Nullable String clientEventId) {

		static TestPing of(Instant at, String product, @Nullable UUID signature, @Nullable Boolean ci) {
			return new TestPing(at, product, "1.0.0", "linux", "x64", signature, ci, "v20.11.0", null);
		}

	}

}
