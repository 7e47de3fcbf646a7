package dev.checkpoint.reports;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Writes pings through ingest's own store ({@code PingStore}, built here by reflection
 * rather than copied, with the default 12-hour fold), so that the pings and the monthly
 * rollups are exactly what production stores, at any chosen time. Creates the month
 * partitions that the application does not create itself.
 */
final class PingFixtures {

	private static final Class<?> PING = ClassUtils.resolveClassName("dev.checkpoint.ingest.Ping", null);

	private PingFixtures() {
	}

	/**
	 * Creates the month's partition as ingest's PartitionManager does.
	 */
	static void createPartition(JdbcTemplate jdbc, YearMonth month) {
		String table = "pings_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
		jdbc.execute(
				"create table if not exists %s partition of pings for values from ('%s 00:00:00+00') to ('%s 00:00:00+00')"
					.formatted(table, month.atDay(1), month.plusMonths(1).atDay(1)));
	}

	/**
	 * Empties every table of pings and of the reports computed from them, so that no
	 * other test's rows count.
	 */
	static void truncateAll(JdbcClient jdbc) {
		jdbc.sql(
				"""
						truncate pings, monthly_actives, monthly_anonymous, ping_late_days, mau_reports, mau_breakdowns,
						  daily_reports, daily_breakdowns, daily_computed, month_value_developers, month_value_counts,
						  month_rebuilds, month_absorptions, month_absorbed_pings, mau_cohorts, notice_exposure_days, notice_exposed_developers""")
			.update();
	}

	/** Creates a catalogue product (deleting one of that name and its notices first). */
	static void createProduct(JdbcClient jdbc, String name) {
		deleteProduct(jdbc, name);
		jdbc.sql("insert into products (name) values (?)").param(name).update();
	}

	/** Deletes a catalogue product and its notices (their exposure goes with them). */
	static void deleteProduct(JdbcClient jdbc, String name) {
		jdbc.sql("delete from notices where product_id in (select id from products where name = ?)")
			.param(name)
			.update();
		jdbc.sql("delete from products where name = ?").param(name).update();
	}

	/**
	 * Adds a critical notice of the product for a version range (and os), created (and
	 * published) at {@code created}, retired at {@code retired} or live.
	 * @return its id
	 */
	static int notice(JdbcClient jdbc, String product, String range, @Nullable String os, Instant created,
			@Nullable Instant retired) {
		return jdbc
			.sql("""
					insert into notices (product_id, published_at, message, level, version_range, os, created_at, retired_at)
					select id, ?, 'Upgrade', 'critical', ?, ?, ?, ? from products where name = ? returning id""")
			.params(Timestamp.from(created), range, os, Timestamp.from(created),
					(retired != null) ? Timestamp.from(retired) : null, product)
			.query(Integer.class)
			.single();
	}

	/**
	 * Stores the pings in one group commit, as the ping writer would.
	 */
	static void store(JdbcTemplate jdbc, List<TestPing> pings) {
		store(jdbc, Clock.systemUTC(), pings);
	}

	/** Stores each ping on its own, as the writer would right after it arrived. */
	static void storeOnTime(JdbcTemplate jdbc, List<TestPing> pings) {
		for (TestPing ping : pings) {
			store(jdbc, Clock.fixed(ping.at().plusMillis(5), ZoneOffset.UTC), List.of(ping));
		}
	}

	/**
	 * Stores the pings in one group commit, as the ping writer would at the time of
	 * {@code clock}: pings that arrived more than {@code PingTables.LATE_AFTER} before it
	 * mark their days as changed late.
	 */
	static void store(JdbcTemplate jdbc, Clock clock, List<TestPing> pings) {
		try {
			Object store = construct("dev.checkpoint.ingest.PingStore",
					construct("dev.checkpoint.ingest.PingFoldProperties", Duration.ofHours(12)),
					construct("dev.checkpoint.ingest.PingShapes"), construct("dev.checkpoint.ingest.PingProducts"),
					clock);
			List<Object> values = new ArrayList<>();
			for (TestPing ping : pings) {
				values.add(ping(ping));
			}
			Method method = store.getClass().getDeclaredMethod("store", JdbcClient.class, List.class);
			ReflectionUtils.makeAccessible(method);
			method.invoke(store, JdbcClient.create(jdbc), values);
		}
		catch (InvocationTargetException ex) {
			ReflectionUtils.rethrowRuntimeException(ex.getTargetException());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object ping(TestPing ping) throws ReflectiveOperationException {
		Object[] values = new Object[PING.getRecordComponents().length];
		values[0] = ping.at();
		values[1] = PING.getDeclaredClasses()[0].getEnumConstants()[0];
		values[2] = ping.product();
		values[3] = ping.version();
		values[4] = ping.os();
		values[5] = ping.arch();
		values[6] = ping.signature();
		values[7] = ping.ci();
		values[8] = ping.clientEventId();
		values[16] = ping.nodeVersion();
		values[17] = List.of();
		values[18] = List.of();
		values[19] = List.of();
		return construct(PING.getName(), values);
	}

	private static Object construct(String type, Object... arguments) throws ReflectiveOperationException {
		Constructor<?> constructor = ClassUtils.resolveClassName(type, null).getDeclaredConstructors()[0];
		ReflectionUtils.makeAccessible(constructor);
		return constructor.newInstance(arguments);
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
