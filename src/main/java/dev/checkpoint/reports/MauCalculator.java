package dev.checkpoint.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.checkpoint.ingest.PingTables;

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
	 * counted per value, the pings of each computed day) and the pings of the days not
	 * computed yet: each of their developers is looked up once, and counts for the values
	 * the month has not seen it with.
	 */
	static final StagedRead INCREMENTAL_READ = new StagedRead("report_month_incremental", """
			with live as materialized (
			  %1$s
			), fresh as (
			  select d.product, v.dimension, v.value, count(*) as developers
			  from (
			    select g.product, g.signature, %2$s
			    from live as g where g.signature is not null group by g.product, g.signature
			  ) as d
			  left join month_value_developers as m
			    on m.product = d.product and m.month = :month and m.signature = d.signature
			  cross join lateral (%3$s) as v(dimension, value)
			  group by 1, 2, 3
			), figures as (
			  select product, dimension, value, developers, 0::numeric as pings
			  from month_value_counts where month = :month and product = any(:products)
			  union all
			  select product, dimension, value, developers, 0 from fresh
			  union all
			  select g.product, v.dimension, v.value, 0, sum(g.pings) from live as g %4$s group by 1, 2, 3
			  union all
			  select product, dimension, value, 0, sum(pings) from daily_breakdowns
			  where day >= :first and day < :next and product = any(:products) group by 1, 2, 3
			)
			select product, dimension, value, sum(developers) as developers, sum(pings) as pings
			from figures group by product, dimension, value
			""".formatted(BreakdownSql.grouped(LIVE), BreakdownSql.each("array_agg(distinct g.%s) as %s_values"),
			BreakdownSql.newValues("d", "m."), BreakdownSql.unpivot("g")));

	static final String INCREMENTAL_BREAKDOWNS = BreakdownSql.insertInto("mau_breakdowns", "month",
			INCREMENTAL_READ.table());

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

	MauCalculator(JdbcClient jdbc, Clock clock, CohortCalculator cohorts, ApplicationEventPublisher events,
			JobReads reads) {
		this.reads = reads;
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
		boolean rebuild = this.jdbc.sql("delete from month_rebuilds where month = :month")
			.param("month", first)
			.update() > 0;
		if (finalReport || rebuild) {
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
			this.reads.stage(INCREMENTAL_READ,
					Map.of("month", first, "from", from, "to", to, "live", live.atStartOfDay().atOffset(ZoneOffset.UTC),
							"computed", new SqlArrayValue("date", computedDaysFrom(live, month).toArray()), "first",
							first, "next", month.plusMonths(1).atDay(1), "products", names));
			this.jdbc.sql(INCREMENTAL_BREAKDOWNS).param("period", first).update();
		}
		return products;
	}

	/** The month's computed days from {@code day} on, as {@code yyyy-mm-dd}. */
	private List<String> computedDaysFrom(LocalDate day, YearMonth month) {
		return this.jdbc.sql("select day::text from daily_computed where day >= :day and day < :next order by day")
			.param("day", day)
			.param("next", month.plusMonths(1).atDay(1))
			.query(String.class)
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
