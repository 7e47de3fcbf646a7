package dev.checkpoint.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import dev.checkpoint.ingest.PingTables;
import dev.checkpoint.shared.Platforms;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes one month's reports for every product in one transaction: the headline figures
 * from ingest's {@code monthly_actives}/{@code monthly_anonymous} rollups (one index
 * range per month), the breakdowns from that month's pings ({@code ping_details}), each
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

	/**
	 * The month's pings are grouped per product, signature and combination of
	 * (normalised) values first; within each signature's rows, the first row with a given
	 * value is marked (a small sort per signature), so that counting marks counts
	 * distinct signatures without one big distinct-count sort per dimension. Anonymous
	 * pings count as pings, never as developers. os and arch are normalised by the
	 * expressions {@link Platforms} generates from the list it normalises with in Java;
	 * empty values and an unknown ci become {@code unknown}.
	 */
	private static final String BREAKDOWNS = """
			insert into mau_breakdowns (product, month, dimension, value, developers, pings)
			with marked as materialized (
			  select g.*,
			    row_number() over (partition by product, signature, version) = 1 as first_version,
			    row_number() over (partition by product, signature, os) = 1 as first_os,
			    row_number() over (partition by product, signature, arch) = 1 as first_arch,
			    row_number() over (partition by product, signature, node_version) = 1 as first_node_version,
			    row_number() over (partition by product, signature, ci) = 1 as first_ci
			  from (
			    select product, signature, coalesce(nullif(version, ''), 'unknown') as version,
			      coalesce(nullif(%s, ''), 'unknown') as os,
			      coalesce(nullif(%s, ''), 'unknown') as arch,
			      coalesce(nullif(node_version, ''), 'unknown') as node_version,
			      case when ci then 'true' when not ci then 'false' else 'unknown' end as ci,
			      sum(hits) as pings
			    from %s
			    where received_at >= :from and received_at < :to and product = any(:products)
			    group by 1, 2, 3, 4, 5, 6, 7
			  ) as g
			)
			select product, :month, 'version', version,
			  count(*) filter (where first_version and signature is not null), sum(pings)
			from marked group by product, version
			union all
			select product, :month, 'os', os,
			  count(*) filter (where first_os and signature is not null), sum(pings)
			from marked group by product, os
			union all
			select product, :month, 'arch', arch,
			  count(*) filter (where first_arch and signature is not null), sum(pings)
			from marked group by product, arch
			union all
			select product, :month, 'node_version', node_version,
			  count(*) filter (where first_node_version and signature is not null), sum(pings)
			from marked group by product, node_version
			union all
			select product, :month, 'ci', ci,
			  count(*) filter (where first_ci and signature is not null), sum(pings)
			from marked group by product, ci
			""".formatted(Platforms.osSql("os"), Platforms.archSql("arch"), PingTables.PING_DETAILS.sqlName());

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
			.param("month", first)
			.param("from", first.atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("to", month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("products", names)
			.update();
		return products;
	}

}
