package dev.checkpoint.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import dev.checkpoint.ingest.PingTables;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes one month's reports for every product in one transaction: the headline figures
 * from ingest's {@code monthly_actives}/{@code monthly_anonymous} rollups (one index
 * range per month), the breakdowns from that month's pings ({@link BreakdownSql}), each
 * read as {@link PingTables} names it. A final report is never recomputed, so later
 * deletion of raw data cannot change it.
 */
@Component
class MauCalculator {

	private static final String HEADLINES = """
			insert into mau_reports as r (product, month, developers, developers_excluding_ci, returning_developers,
			  anonymous_pings, final, computed_at)
			select product, :month, sum(developers), sum(non_ci), sum(returning_developers), sum(anonymous), :final, :now
			from (
			  select product, count(*) as developers, count(*) filter (where non_ci) as non_ci,
			    count(*) filter (where days & (days - 1) <> 0) as returning_developers, 0 as anonymous
			  from %s where month = :month group by product
			  union all
			  select product, 0, 0, 0, pings from %s where month = :month
			) as t
			group by product
			on conflict (product, month) do update
			  set developers = excluded.developers, developers_excluding_ci = excluded.developers_excluding_ci,
			    returning_developers = excluded.returning_developers, anonymous_pings = excluded.anonymous_pings,
			    final = excluded.final, computed_at = excluded.computed_at
			  where not r.final
			returning product
			"""
		.formatted(PingTables.MONTHLY_ACTIVES.sqlName(), PingTables.MONTHLY_ANONYMOUS.sqlName());

	private static final String BREAKDOWNS = BreakdownSql.insertInto("mau_breakdowns", "month");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReportsProperties properties;

	MauCalculator(JdbcClient jdbc, Clock clock, ReportsProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
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
		long workMem = Math.max(64, this.properties.computeWorkMem().toKilobytes());
		this.jdbc.sql("set local work_mem = '" + workMem + "kB'").update();
		LocalDate first = month.atDay(1);
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
		this.jdbc.sql(BREAKDOWNS)
			.param("period", first)
			.param("from", first.atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("to", month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("products", names)
			.update();
		return products;
	}

}
