package dev.checkpoint.reports;

import dev.checkpoint.ingest.PingTables;
import dev.checkpoint.shared.Platforms;

/**
 * The statement that splits a period's pings by every {@link Dimension}, for the monthly
 * ({@code mau_breakdowns}) and the daily ({@code daily_breakdowns}) breakdowns alike.
 * <p>
 * The period's pings are grouped per product, signature and combination of (normalised)
 * values first; within each signature's rows, the first row with a given value is marked
 * (a small sort per signature), so that counting marks counts distinct signatures without
 * one big distinct-count sort per dimension. Anonymous pings count as pings, never as
 * developers. os and arch are normalised by the expressions {@link Platforms} generates
 * from the list it normalises with in Java; empty values and an unknown ci become
 * {@code unknown}.
 */
final class BreakdownSql {

	private static final String INSERT = """
			insert into %1$s (product, %2$s, dimension, value, developers, pings)
			with marked as materialized (
			  select g.*,
			    row_number() over (partition by product, signature, version) = 1 as first_version,
			    row_number() over (partition by product, signature, os) = 1 as first_os,
			    row_number() over (partition by product, signature, arch) = 1 as first_arch,
			    row_number() over (partition by product, signature, node_version) = 1 as first_node_version,
			    row_number() over (partition by product, signature, ci) = 1 as first_ci
			  from (
			    select product, signature, coalesce(nullif(version, ''), 'unknown') as version,
			      coalesce(nullif(%3$s, ''), 'unknown') as os,
			      coalesce(nullif(%4$s, ''), 'unknown') as arch,
			      coalesce(nullif(node_version, ''), 'unknown') as node_version,
			      case when ci then 'true' when not ci then 'false' else 'unknown' end as ci,
			      sum(hits) as pings
			    from %5$s
			    where received_at >= :from and received_at < :to and product = any(:products)
			    group by 1, 2, 3, 4, 5, 6, 7
			  ) as g
			)
			select product, :period, 'version', version,
			  count(*) filter (where first_version and signature is not null), sum(pings)
			from marked group by product, version
			union all
			select product, :period, 'os', os,
			  count(*) filter (where first_os and signature is not null), sum(pings)
			from marked group by product, os
			union all
			select product, :period, 'arch', arch,
			  count(*) filter (where first_arch and signature is not null), sum(pings)
			from marked group by product, arch
			union all
			select product, :period, 'node_version', node_version,
			  count(*) filter (where first_node_version and signature is not null), sum(pings)
			from marked group by product, node_version
			union all
			select product, :period, 'ci', ci,
			  count(*) filter (where first_ci and signature is not null), sum(pings)
			from marked group by product, ci
			""";

	private BreakdownSql() {
	}

	/**
	 * Inserts into {@code table} the breakdowns of the pings received in
	 * {@code [:from, :to)} by the products {@code :products}, with {@code :period} in the
	 * column {@code periodColumn}.
	 */
	static String insertInto(String table, String periodColumn) {
		return INSERT.formatted(table, periodColumn, Platforms.osSql("os"), Platforms.archSql("arch"),
				PingTables.PING_DETAILS.sqlName());
	}

}
