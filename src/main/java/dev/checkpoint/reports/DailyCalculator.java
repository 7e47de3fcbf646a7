package dev.checkpoint.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.checkpoint.ingest.PingTables;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes one UTC day's figures for every product in one transaction, from that day's
 * pings: the day's developers, developers outside CI and pings ({@code daily_reports})
 * and its breakdowns ({@code daily_breakdowns}, by {@link BreakdownSql}), the weekly
 * active developers of the 7 days ending with it (and of the computed days whose week
 * holds it, when it is computed again), the month's developers so far (on every day of
 * the month, from {@code monthly_actives}) and the exposure to each notice live that day
 * ({@link NoticeExposureCalculator}). The cost is that of one week's pings and one pass
 * over the month's active developers. The day's values join those its developers were
 * seen with in the month ({@code month_value_developers}), which the current month's
 * refresh counts developers with; the pings per value that the refresh absorbed from the
 * day ({@code month_absorbed_pings}) are deleted, as {@code daily_breakdowns} now holds
 * them. The day's marks in {@link PingTables#PING_LATE_DAYS} are deleted first, in the
 * same transaction: a late write that commits meanwhile marks the day again. A day
 * computed or absorbed before and marked since changed after its values were counted: its
 * month is marked for a rebuild ({@code month_rebuilds}). Each read of pings or rollups
 * is a {@link StagedRead} ({@link JobReads}: on the reports' standby when one is
 * configured), which the statements write from.
 */
@Component
class DailyCalculator {

	/** The day's developers, developers outside CI and pings per product. */
	static final StagedRead HEADLINES_READ = new StagedRead("report_day_headlines", """
			select product, count(distinct signature) as developers,
			  count(distinct signature) filter (where ci is not true) as developers_excluding_ci, sum(hits) as pings,
			  coalesce(sum(hits) filter (where signature is null), 0) as anonymous_pings
			from %s
			where received_at >= :from and received_at < :to
			group by product
			""".formatted(PingTables.PING_DETAILS.sqlName()));

	static final String HEADLINES = """
			insert into daily_reports (product, day, developers, developers_excluding_ci, pings, anonymous_pings)
			select product, :day, developers, developers_excluding_ci, pings, anonymous_pings from %s
			returning product
			""".formatted(HEADLINES_READ.table());

	/**
	 * The weekly active developers of {@code :day}: the developers of
	 * {@code monthly_actives} with a bit of the 7 days ending with it in {@code days}, in
	 * its month and, for its first 6 days, the month before, for every product with a
	 * report on a day of the week ({@code :products}, those of the day being computed, or
	 * a stored report; a product without a ping that day gets a row of zeros with them).
	 * The rollup holds a developer's days, so this reads one row per developer of the
	 * month instead of the week's pings (1.8 s of a 3.0 s day at 1M pings, through
	 * {@code ping_details}).
	 */
	private static final String WEEKLY_READ = """
			select product, %s as weekly_developers from %s
			where (product = any(:products)
			    or product in (select product from daily_reports where day > :day - 7 and day <= :day))
			  and ((month = :month and days & %d <> 0)%s)
			group by product
			""";

	/** The temporary table of {@link #weekly}'s read. */
	private static final String WEEK_TABLE = "report_week";

	static final String WEEKLY = """
			insert into daily_reports as r (product, day, developers, developers_excluding_ci, pings, anonymous_pings,
			  weekly_developers)
			select product, :day, 0, 0, 0, 0, weekly_developers from %s
			on conflict (product, day) do update set weekly_developers = excluded.weekly_developers
			""".formatted(WEEK_TABLE);

	/**
	 * The read of {@link #WEEKLY} for {@code day}, with the bit masks of its week
	 * inlined: the month's days up to it, and for a week that starts in the month before,
	 * that month's last days ({@code :previous}).
	 */
	static StagedRead weekly(LocalDate day) {
		int d = day.getDayOfMonth();
		int mask = (int) ((1L << d) - 1) & ~(int) ((1L << Math.max(0, d - 7)) - 1);
		if (d >= 7) {
			return new StagedRead(WEEK_TABLE,
					WEEKLY_READ.formatted("count(*)", PingTables.MONTHLY_ACTIVES.sqlName(), mask, ""));
		}
		int length = day.withDayOfMonth(1).minusDays(1).getDayOfMonth();
		int previous = (int) ((1L << length) - 1) & ~(int) ((1L << (length - (7 - d))) - 1);
		return new StagedRead(WEEK_TABLE,
				WEEKLY_READ.formatted("count(distinct signature)", PingTables.MONTHLY_ACTIVES.sqlName(), mask,
						" or (month = :previous and days & %d <> 0)".formatted(previous)));
	}

	/**
	 * The month's developers of {@code :products} (those with a report on the day) by
	 * their first day in the month: the lowest bit of {@code days} in
	 * {@code monthly_actives}.
	 */
	static final StagedRead MONTH_FIRSTS = new StagedRead("report_month_firsts", """
			select product, days::bigint & -(days::bigint) as first_day, count(*) as developers from %s
			where product = any(:products) and month = :month
			group by product, first_day
			""".formatted(PingTables.MONTHLY_ACTIVES.sqlName()));

	/**
	 * The month's developers so far on each day of the month with a report, for
	 * {@code :products}: those of {@link #MONTH_FIRSTS} whose first day is not after it.
	 * One pass over the month's rows of those products updates every day of the month, so
	 * that a late ping counts on the days after its own too.
	 */
	static final String MONTH_TO_DATE = """
			update daily_reports as r set month_developers = coalesce((
			  select sum(f.developers) from %s as f
			  where f.product = r.product and f.first_day < (1::bigint << extract(day from r.day)::int)), 0)
			where r.day >= :month and r.day < :next and r.product = any(:products)
			""".formatted(MONTH_FIRSTS.table());

	static final StagedRead BREAKDOWNS_READ = new StagedRead("report_day_breakdowns", BreakdownSql.select());

	static final String BREAKDOWNS = BreakdownSql.insertInto("daily_breakdowns", "day", BREAKDOWNS_READ.table());

	static final StagedRead MONTH_VALUES_READ = new StagedRead("report_day_values",
			BreakdownSql.monthValuesSeen(BreakdownSql.PERIOD, true));

	static final String MONTH_VALUES = BreakdownSql.monthValues(MONTH_VALUES_READ.table());

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NoticeExposureCalculator exposure;

	private final JobReads reads;

	DailyCalculator(JdbcClient jdbc, Clock clock, NoticeExposureCalculator exposure, JobReads reads) {
		this.reads = reads;
		this.jdbc = jdbc;
		this.clock = clock;
		this.exposure = exposure;
	}

	/**
	 * (Re)computes the day's figures of every product.
	 * @return the products that had pings that day
	 */
	@Transactional
	List<String> compute(LocalDate day) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('checkpoint.reports.daily'), :day)")
			.param("day", (int) day.toEpochDay())
			.query()
			.listOfRows();
		this.reads.useComputeWorkMem();
		int marks = this.jdbc.sql("delete from %s where day = :day".formatted(PingTables.PING_LATE_DAYS.sqlName()))
			.param("day", day)
			.update();
		boolean computedBefore = this.jdbc.sql("select exists (select 1 from daily_computed where day = :day)")
			.param("day", day)
			.query(Boolean.class)
			.single();
		LocalDate month = day.withDayOfMonth(1);
		this.jdbc.sql(BreakdownSql.MONTH_VALUES_LOCK)
			.param("lock", day.getYear() * 12 + day.getMonthValue())
			.query()
			.listOfRows();
		OffsetDateTime from = day.atStartOfDay().atOffset(ZoneOffset.UTC);
		boolean absorbed = this.jdbc
			.sql("select exists (select 1 from month_absorptions where month = :month and absorbed_until > :from)")
			.param("month", month)
			.param("from", from)
			.query(Boolean.class)
			.single();
		if (marks > 0 && (computedBefore || absorbed)) {
			this.jdbc.sql("insert into month_rebuilds (month) values (:month) on conflict do nothing")
				.param("month", month)
				.update();
		}
		this.jdbc.sql("delete from daily_reports where day = :day").param("day", day).update();
		this.jdbc.sql("delete from month_absorbed_pings where day = :day").param("day", day).update();
		OffsetDateTime to = from.plusDays(1);
		this.reads.stage(HEADLINES_READ, Map.of("from", from, "to", to));
		List<String> products = this.jdbc.sql(HEADLINES).param("day", day).query(String.class).list();
		String[] names = products.toArray(String[]::new);
		if (!products.isEmpty()) {
			Map<String, Object> period = Map.of("from", from, "to", to, "products", names);
			this.reads.stage(BREAKDOWNS_READ, period);
			this.jdbc.sql(BREAKDOWNS).param("period", day).update();
			this.reads.stage(MONTH_VALUES_READ, Map.of("month", month, "from", from, "to", to, "products", names));
			this.jdbc.sql(MONTH_VALUES).param("month", month).update();
		}
		for (LocalDate week : weeksContaining(day)) {
			LocalDate first = week.withDayOfMonth(1);
			this.reads.stage(weekly(week),
					Map.of("day", week, "month", first, "previous", first.minusMonths(1), "products", names));
			this.jdbc.sql(WEEKLY).param("day", week).update();
		}
		String[] reported = this.jdbc.sql("select product from daily_reports where day = :day")
			.param("day", day)
			.query(String.class)
			.list()
			.toArray(String[]::new);
		this.reads.stage(MONTH_FIRSTS, Map.of("month", month, "products", reported));
		this.jdbc.sql(MONTH_TO_DATE)
			.param("month", month)
			.param("next", month.plusMonths(1))
			.param("products", reported)
			.update();
		this.exposure.compute(day, from, to);
		this.jdbc.sql("""
				insert into daily_computed (day, computed_at) values (:day, :now)
				on conflict (day) do update set computed_at = excluded.computed_at""")
			.param("day", day)
			.param("now", OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC)))
			.update();
		return products;
	}

	/**
	 * The day itself and the computed days of the 6 after it: the weeks whose figures the
	 * day's pings count in.
	 */
	private List<LocalDate> weeksContaining(LocalDate day) {
		List<LocalDate> weeks = new ArrayList<>();
		weeks.add(day);
		weeks.addAll(this.jdbc.sql("select day from daily_computed where day > :day and day <= :last order by day")
			.param("day", day)
			.param("last", day.plusDays(6))
			.query(LocalDate.class)
			.list());
		return weeks;
	}

}
