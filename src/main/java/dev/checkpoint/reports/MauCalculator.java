package dev.checkpoint.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.checkpoint.ingest.PingTables;
import dev.checkpoint.ingest.PingWindows;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes one month's reports for every product in one transaction: the headline figures
 * from ingest's {@code monthly_actives}/{@code monthly_anonymous} rollups (one index
 * range per month) and the breakdowns ({@link BreakdownSql}), each read as
 * {@link PingTables} names it. An ended month's breakdowns come from all its pings; the
 * current month's from what the daily job stored and the pings of the days it has not
 * computed yet. A final report is never recomputed, so later deletion of raw data cannot
 * change it. Each read of pings or rollups is a {@link StagedRead} ({@link JobReads}: on
 * the reports' standby when one is configured), which the statements write from.
 */
@Component
class MauCalculator {

	/** The month's developers, those outside CI, those returning, and anonymous pings. */
	static final StagedRead HEADLINES_READ = new StagedRead("report_month_headlines", """
			select product, sum(developers) as developers, sum(non_ci) as non_ci,
			  sum(returning_developers) as returning_developers, sum(anonymous) as anonymous
			from (
			  select product, count(*) as developers, count(*) filter (where non_ci) as non_ci,
			    count(*) filter (where days & (days - 1) <> 0) as returning_developers, 0 as anonymous
			  from %s where month = :month group by product
			  union all
			  select product, 0, 0, 0, pings from %s where month = :month
			) as t
			group by product
			""".formatted(PingTables.MONTHLY_ACTIVES.sqlName(), PingTables.MONTHLY_ANONYMOUS.sqlName()));

	static final String HEADLINES = """
			insert into mau_reports as r (product, month, developers, developers_excluding_ci, returning_developers,
			  anonymous_pings, final, computed_at)
			select product, :month, developers, non_ci, returning_developers, anonymous, :final, :now from %s
			on conflict (product, month) do update
			  set developers = excluded.developers, developers_excluding_ci = excluded.developers_excluding_ci,
			    returning_developers = excluded.returning_developers, anonymous_pings = excluded.anonymous_pings,
			    final = excluded.final, computed_at = excluded.computed_at
			  where not r.final
			returning product
			""".formatted(HEADLINES_READ.table());

	static final StagedRead BREAKDOWNS_READ = new StagedRead("report_month_breakdowns", BreakdownSql.select());

	static final String BREAKDOWNS = BreakdownSql.insertInto("mau_breakdowns", "month", BREAKDOWNS_READ.table());

	/**
	 * The month's pings on the days not computed yet (today, mostly): from {@code :live}
	 * (the first such day) on, read through the {@code received_at} block-range index,
	 * without the days after it that are computed ({@code :computed}, usually none). A
	 * per-row lookup of {@code daily_computed} instead makes the planner expect almost no
	 * rows and join them to the shapes by a nested loop (3.1 s of 4.2 s at 1M pings).
	 */
	private static final String LIVE = BreakdownSql.PERIOD
			+ " and received_at >= :live and not (received_at at time zone 'UTC')::date = any(:computed)";

	/**
	 * The current month's breakdowns from what the daily job stored (the developers
	 * counted per value, the pings of each computed day), what the refresh absorbed from
	 * the closed fold windows of the days not computed yet (the pings per value), and the
	 * pings of those days that are not absorbed ({@code :live} on). Each of their rows
	 * looks up its developer's values; a row whose values the month has all seen the
	 * developer with (most rows, late in a month) is done, the others count their
	 * developer once for each value the month has not seen it with. The pings per value
	 * are summed over the rows' combinations of values, a few hundred.
	 */
	static final StagedRead INCREMENTAL_READ = new StagedRead("report_month_incremental", """
			with live as materialized (
			  %1$s
			), fresh as (
			  select g.product, v.dimension, v.value, count(distinct g.signature) as developers
			  from live as g
			  left join month_value_developers as m
			    on m.product = g.product and m.month = :month and m.signature = g.signature
			  cross join lateral (values %2$s) as v(dimension, value, known)
			  where g.signature is not null and not coalesce(%3$s, false)
			    and (v.known is null or not v.value = any(v.known))
			  group by 1, 2, 3
			), combinations as (
			  select product, %4$s, sum(pings) as pings from live group by product, %4$s
			), figures as (
			  select product, dimension, value, developers, 0::numeric as pings
			  from month_value_counts where month = :month and product = any(:products)
			  union all
			  select product, dimension, value, developers, 0 from fresh
			  union all
			  select g.product, v.dimension, v.value, 0, sum(g.pings) from combinations as g %5$s group by 1, 2, 3
			  union all
			  select product, dimension, value, 0, sum(pings) from daily_breakdowns
			  where day >= :first and day < :next and product = any(:products) group by 1, 2, 3
			  union all
			  select product, dimension, value, 0, sum(pings) from month_absorbed_pings
			  where day >= :first and day < :next and product = any(:products) group by 1, 2, 3
			)
			select product, dimension, value, sum(developers) as developers, sum(pings) as pings
			from figures group by product, dimension, value
			""".formatted(BreakdownSql.grouped(LIVE), BreakdownSql.each("('%s', g.%s, m.%s_values)"),
			BreakdownSql.every("g.%s = any(m.%s_values)"), BreakdownSql.each("%s"), BreakdownSql.unpivot("g")));

	static final String INCREMENTAL_BREAKDOWNS = BreakdownSql.insertInto("mau_breakdowns", "month",
			INCREMENTAL_READ.table());

	/**
	 * The pings of {@code [:from, :to)}, a part of one day not computed yet whose fold
	 * windows have closed, grouped as {@link BreakdownSql#grouped}: what a refresh
	 * absorbs.
	 */
	static final StagedRead ABSORBED_READ = new StagedRead("report_month_absorbed",
			BreakdownSql.grouped(BreakdownSql.PERIOD));

	private static final String ABSORBED_VALUES_TABLE = "report_month_absorbed_values";

	/** The developers of {@link #ABSORBED_READ} with the values recorded for them. */
	static final String ABSORBED_VALUES_SEEN = "create temporary table " + ABSORBED_VALUES_TABLE + " on commit drop as "
			+ BreakdownSql.monthValuesSeenIn("select * from " + ABSORBED_READ.table(), true);

	/** Adds the absorbed developers' values to the month's, counting the new ones. */
	static final String ABSORBED_VALUES = BreakdownSql.monthValues(ABSORBED_VALUES_TABLE);

	/**
	 * Adds the absorbed pings per value to their day's ({@code :day}), summed over the
	 * combinations of values first.
	 */
	static final String ABSORBED_PINGS = """
			insert into month_absorbed_pings as a (product, day, dimension, value, pings)
			select g.product, :day, v.dimension, v.value, sum(g.pings)
			from (select product, %2$s, sum(pings) as pings from %1$s group by product, %2$s) as g
			%3$s
			group by g.product, v.dimension, v.value order by 1, 3, 4
			on conflict (product, day, dimension, value) do update set pings = a.pings + excluded.pings
			""".formatted(ABSORBED_READ.table(), BreakdownSql.each("%s"), BreakdownSql.unpivot("g"));

	/** The month's first day not computed yet that was marked as changed late. */
	private static final String FIRST_MARKED_DAY = """
			select min(l.day) from %s as l
			where l.day >= :first and l.day < :next and not exists (select 1 from daily_computed as c where c.day = l.day)
			"""
		.formatted(PingTables.PING_LATE_DAYS.sqlName());

	/** The developers' values on all the month's computed days (a rebuild). */
	private static final StagedRead ALL_MONTH_VALUES_READ = new StagedRead("report_month_values", BreakdownSql
		.monthValuesSeen(BreakdownSql.PERIOD
				+ " and exists (select 1 from daily_computed as c where c.day = (received_at at time zone 'UTC')::date)",
				false));

	private static final String ALL_MONTH_VALUES = BreakdownSql.monthValues(ALL_MONTH_VALUES_READ.table());

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CohortCalculator cohorts;

	private final ApplicationEventPublisher events;

	private final JobReads reads;

	private final PingWindows windows;

	MauCalculator(JdbcClient jdbc, Clock clock, CohortCalculator cohorts, ApplicationEventPublisher events,
			JobReads reads, PingWindows windows) {
		this.reads = reads;
		this.windows = windows;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.cohorts = cohorts;
	}

	/**
	 * Computes (or recomputes) the month's reports and breakdowns of every product with
	 * pings in it, except reports that are already final.
	 * @param month the UTC calendar month
	 * @param finalReport whether the month has ended and this is its last computation
	 * @return the products whose report was written
	 */
	@Transactional
	List<String> compute(YearMonth month, boolean finalReport) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('checkpoint.reports.mau'), :month)")
			.param("month", month.getYear() * 12 + month.getMonthValue())
			.query()
			.listOfRows();
		this.reads.useComputeWorkMem();
		LocalDate first = month.atDay(1);
		this.reads.stage(HEADLINES_READ, Map.of("month", first));
		List<String> products = this.jdbc.sql(HEADLINES)
			.param("month", first)
			.param("final", finalReport)
			.param("now", OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC)))
			.query(String.class)
			.list();
		if (products.isEmpty()) {
			return products;
		}
		String[] names = products.toArray(String[]::new);
		this.jdbc.sql("delete from mau_breakdowns where month = :month and product = any(:products)")
			.param("month", first)
			.param("products", names)
			.update();
		OffsetDateTime from = first.atStartOfDay().atOffset(ZoneOffset.UTC);
		OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
		this.jdbc.sql(BreakdownSql.MONTH_VALUES_LOCK)
			.param("lock", month.getYear() * 12 + month.getMonthValue())
			.query()
			.listOfRows();
		Absorption absorption = absorption(month);
		boolean rebuild = this.jdbc.sql("delete from month_rebuilds where month = :month")
			.param("month", first)
			.update() > 0 || absorption.changedLate();
		if (finalReport || rebuild) {
			this.jdbc.sql("delete from month_absorptions where month = :month").param("month", first).update();
			this.jdbc.sql("delete from month_absorbed_pings where day >= :month and day < :next")
				.param("month", first)
				.param("next", month.plusMonths(1).atDay(1))
				.update();
			this.reads.stage(BREAKDOWNS_READ, Map.of("from", from, "to", to, "products", names));
			this.jdbc.sql(BREAKDOWNS).param("period", first).update();
			this.jdbc.sql("delete from month_value_counts where month = :month and product = any(:products)")
				.param("month", first)
				.param("products", names)
				.update();
			this.jdbc.sql("delete from month_value_developers where month = :month and product = any(:products)")
				.param("month", first)
				.param("products", names)
				.update();
			if (finalReport) {
				this.cohorts.compute(month, products);
				this.jdbc.sql("""
						select product, developers, developers_excluding_ci from mau_reports
						where month = :month and product = any(:products)""")
					.param("month", first)
					.param("products", names)
					.query((rs) -> {
						this.events.publishEvent(new MauMonthClosed(rs.getString("product"), month,
								rs.getLong("developers"), rs.getLong("developers_excluding_ci")));
					});
			}
			else {
				this.reads.stage(ALL_MONTH_VALUES_READ,
						Map.of("month", first, "from", from, "to", to, "products", names));
				this.jdbc.sql(ALL_MONTH_VALUES).param("month", first).update();
			}
		}
		else {
			LocalDate live = firstDayNotComputed(month);
			List<LocalDate> computed = computedDaysFrom(live, month);
			Instant absorbed = absorb(month, live, computed, absorption, names);
			Instant liveFrom = max(startOf(live), absorbed);
			this.reads.stage(INCREMENTAL_READ,
					Map.of("month", first, "from", from, "to", to, "live", liveFrom.atOffset(ZoneOffset.UTC),
							"computed", new SqlArrayValue("date", computed.stream().map(LocalDate::toString).toArray()),
							"first", first, "next", month.plusMonths(1).atDay(1), "products", names));
			this.jdbc.sql(INCREMENTAL_BREAKDOWNS).param("period", first).update();
		}
		return products;
	}

	/**
	 * Absorbs the pings of the month's fold windows that have closed, on the days not
	 * computed yet, from where the absorption stopped so far: their developers' values
	 * join the month's ({@code month_value_developers}, counted in
	 * {@code month_value_counts}) and their pings per value go to
	 * {@code month_absorbed_pings}. A window counts as closed
	 * {@link DailyReportService#SETTLE} after its end, as a day does for the daily job: a
	 * ping stored later than that is marked as late. The absorption stops before the
	 * first day marked as changed late, which is read from its pings until the daily job
	 * computes it. Callers hold {@link BreakdownSql#MONTH_VALUES_LOCK} for the month.
	 * @param computed the month's computed days from {@code live} on
	 * @return the instant before which those days' pings are absorbed
	 */
	private Instant absorb(YearMonth month, LocalDate live, List<LocalDate> computed, Absorption absorption,
			String[] names) {
		LocalDate first = month.atDay(1);
		Instant until = absorption.until();
		Instant from = max(until, startOf(live));
		Instant boundary = min(this.windows.openFrom(this.clock.instant().minus(DailyReportService.SETTLE)),
				startOf(month.plusMonths(1).atDay(1)));
		if (absorption.marked() != null) {
			boundary = min(boundary, startOf(absorption.marked()));
		}
		if (!boundary.isAfter(from)) {
			return until;
		}
		LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
		for (LocalDate day = firstDay; startOf(day).isBefore(boundary); day = day.plusDays(1)) {
			Instant start = max(from, startOf(day));
			Instant end = min(boundary, startOf(day.plusDays(1)));
			if (computed.contains(day) || !start.isBefore(end)) {
				continue;
			}
			this.reads.stage(ABSORBED_READ, Map.of("from", start.atOffset(ZoneOffset.UTC), "to",
					end.atOffset(ZoneOffset.UTC), "products", names));
			this.jdbc.sql("drop table if exists pg_temp." + ABSORBED_VALUES_TABLE).update();
			this.jdbc.sql(ABSORBED_VALUES_SEEN).param("month", first).update();
			this.jdbc.sql(ABSORBED_VALUES).param("month", first).update();
			this.jdbc.sql(ABSORBED_PINGS).param("day", day).update();
		}
		this.jdbc.sql("""
				insert into month_absorptions (month, absorbed_until) values (:month, :until)
				on conflict (month) do update set absorbed_until = excluded.absorbed_until""")
			.param("month", first)
			.param("until", boundary.atOffset(ZoneOffset.UTC))
			.update();
		return boundary;
	}

	/**
	 * Where the month's absorption stopped, and its first marked day not computed yet.
	 */
	private Absorption absorption(YearMonth month) {
		LocalDate first = month.atDay(1);
		Instant until = this.jdbc.sql("select absorbed_until from month_absorptions where month = :month")
			.param("month", first)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElse(startOf(first));
		LocalDate marked = this.jdbc.sql(FIRST_MARKED_DAY)
			.param("first", first)
			.param("next", month.plusMonths(1).atDay(1))
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		return new Absorption(until, marked);
	}

	/**
	 * The state of a month's absorption.
	 *
	 * @param until every ping of its days not computed yet received before it is absorbed
	 * (the month's start when none is)
	 * @param marked its first day not computed yet that was marked as changed late, if
	 * any
	 */
	private record Absorption(Instant until, @Nullable LocalDate marked) {

		/**
		 * Whether a day the absorption holds was marked as changed late: its values in
		 * {@code month_value_developers} may no longer match its pings, so the month is
		 * rebuilt.
		 */
		boolean changedLate() {
			return this.marked != null && startOf(this.marked).isBefore(this.until);
		}

	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** The month's computed days from {@code day} on. */
	private List<LocalDate> computedDaysFrom(LocalDate day, YearMonth month) {
		return this.jdbc.sql("select day from daily_computed where day >= :day and day < :next order by day")
			.param("day", day)
			.param("next", month.plusMonths(1).atDay(1))
			.query(LocalDate.class)
			.list();
	}

	/** The month's first day without daily figures (the next month's first when none). */
	private LocalDate firstDayNotComputed(YearMonth month) {
		return this.jdbc.sql("""
				select coalesce(min(d::date), :next) from generate_series(:first, :last, interval '1 day') as d
				where not exists (select 1 from daily_computed as c where c.day = d::date)""")
			.param("first", month.atDay(1))
			.param("last", month.atEndOfMonth())
			.param("next", month.plusMonths(1).atDay(1))
			.query(LocalDate.class)
			.single();
	}

}
