package dev.checkpoint.reports;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.checkpoint.ingest.PingTables;
import dev.checkpoint.shared.Platforms;

/**
 * The statements that split pings by every {@link Dimension}: the monthly
 * ({@code mau_breakdowns}) and daily ({@code daily_breakdowns}) breakdowns, and the
 * values each developer was seen with in a month ({@code month_value_developers}), which
 * the current month's refresh counts developers with.
 * <p>
 * Pings are grouped per product, signature and combination of (normalised) values first;
 * within each signature's rows, the first row with a given value is marked (a small sort
 * per signature), so that counting marks counts distinct signatures without one big
 * distinct-count sort per dimension. Anonymous pings count as pings, never as developers.
 * os and arch are normalised by the expressions {@link Platforms} generates from the list
 * it normalises with in Java; empty values and an unknown ci become {@code unknown}.
 */
final class BreakdownSql {

	/** The pings received in {@code [:from, :to)} by the products {@code :products}. */
	static final String PERIOD = "received_at >= :from and received_at < :to and product = any(:products)";

	private static final String GROUPED = """
			select product, signature, coalesce(nullif(version, ''), 'unknown') as version,
			  coalesce(nullif(%s, ''), 'unknown') as os,
			  coalesce(nullif(%s, ''), 'unknown') as arch,
			  coalesce(nullif(node_version, ''), 'unknown') as node_version,
			  case when ci then 'true' when not ci then 'false' else 'unknown' end as ci,
			  sum(hits) as pings
			from %s
			where %%s
			group by 1, 2, 3, 4, 5, 6, 7""".formatted(Platforms.osSql("os"), Platforms.archSql("arch"),
			PingTables.PING_DETAILS.sqlName());

	private static final String SELECT = """
			with marked as materialized (
			  select g.*,
			    row_number() over (partition by product, signature, version) = 1 as first_version,
			    row_number() over (partition by product, signature, os) = 1 as first_os,
			    row_number() over (partition by product, signature, arch) = 1 as first_arch,
			    row_number() over (partition by product, signature, node_version) = 1 as first_node_version,
			    row_number() over (partition by product, signature, ci) = 1 as first_ci
			  from (%1$s) as g
			)
			select product, 'version' as dimension, version as value,
			  count(*) filter (where first_version and signature is not null) as developers, sum(pings) as pings
			from marked group by product, version
			union all
			select product, 'os', os,
			  count(*) filter (where first_os and signature is not null), sum(pings)
			from marked group by product, os
			union all
			select product, 'arch', arch,
			  count(*) filter (where first_arch and signature is not null), sum(pings)
			from marked group by product, arch
			union all
			select product, 'node_version', node_version,
			  count(*) filter (where first_node_version and signature is not null), sum(pings)
			from marked group by product, node_version
			union all
			select product, 'ci', ci,
			  count(*) filter (where first_ci and signature is not null), sum(pings)
			from marked group by product, ci
			""";

	/**
	 * The developers of the pings matching {@code where} (unless the product's month
	 * {@code :month} is final already), one row each with the values they were seen with
	 * ({@code <dimension>_values}) and those {@code month_value_developers} holds for
	 * them already ({@code known_<dimension>_values}, null for a developer not seen yet,
	 * or for every developer when the join's first condition, {@code %4$s}, is
	 * {@code false}: the month's rows are being rebuilt). A group of pings whose values
	 * are all known for its developer already adds nothing and is left out before the
	 * grouping per developer (late in a month, most of them).
	 */
	private static final String MONTH_VALUES_SEEN = """
			with seen as (
			  select g.product, g.signature, %2$s
			  from (%1$s) as g
			  where g.signature is not null and not exists (
			    select 1 from mau_reports as r where r.product = g.product and r.month = :month and r.final)
			    and not (%4$s and exists (
			      select 1 from month_value_developers as k
			      where k.product = g.product and k.month = :month and k.signature = g.signature and %5$s))
			  group by g.product, g.signature
			)
			select s.*, %3$s
			from seen as s left join month_value_developers as m
			  on %4$s and m.product = s.product and m.month = :month and m.signature = s.signature
			""";

	/**
	 * Adds the values of the developers staged by {@link #monthValuesSeen} (the table
	 * {@code %1$s}) to their rows of {@code month_value_developers} for {@code :month},
	 * and counts each value a developer had not been seen with in
	 * {@code month_value_counts}. Callers hold {@link #MONTH_VALUES_LOCK} for the month.
	 */
	private static final String MONTH_VALUES = """
			with fresh as (
			  select k.product, k.signature, v.dimension, v.value
			  from %1$s as k cross join lateral (%2$s) as v(dimension, value)
			), saved as (
			  insert into month_value_developers as m (product, month, signature, %3$s)
			  select k.product, :month, k.signature, %4$s
			  from %1$s as k
			  where exists (select 1 from fresh as f where f.product = k.product and f.signature = k.signature)
			  order by k.product, k.signature
			  on conflict (product, month, signature) do update set %5$s
			)
			insert into month_value_counts as c (product, month, dimension, value, developers)
			select product, :month, dimension, value, count(*) from fresh group by product, dimension, value
			order by 1, 3, 4
			on conflict (product, month, dimension, value) do update set developers = c.developers + excluded.developers
			""";

	/** The advisory lock (with the month) under which the developers' values change. */
	static final String MONTH_VALUES_LOCK = "select pg_advisory_xact_lock(hashtext('checkpoint.reports.month-values'), :lock)";

	private BreakdownSql() {
	}

	/**
	 * The pings matching {@code where} (over {@code ping_details}), one row per product,
	 * signature and combination of normalised values, with their {@code pings}.
	 */
	static String grouped(String where) {
		return GROUPED.formatted(where);
	}

	/**
	 * Turns each row of {@code alias} into one row per dimension:
	 * {@code v(dimension, value)}.
	 */
	static String unpivot(String alias) {
		return """
				cross join lateral (values ('version', %1$s.version), ('os', %1$s.os), ('arch', %1$s.arch),
				  ('node_version', %1$s.node_version), ('ci', %1$s.ci)) as v(dimension, value)""".formatted(alias);
	}

	/**
	 * The breakdowns of the pings in {@link #PERIOD}: one row per product, dimension and
	 * value, with its {@code developers} and {@code pings}.
	 */
	static String select() {
		return SELECT.formatted(grouped(PERIOD));
	}

	/**
	 * Inserts into {@code table} the breakdowns {@link #select()} staged in
	 * {@code staged}, with {@code :period} in the column {@code periodColumn}.
	 */
	static String insertInto(String table, String periodColumn, String staged) {
		return """
				insert into %1$s (product, %2$s, dimension, value, developers, pings)
				select product, :period, dimension, value, developers, pings from %3$s""".formatted(table, periodColumn,
				staged);
	}

	/**
	 * The developers of the pings matching {@code where} in the month {@code :month},
	 * with the values they were seen with and, when {@code known}, those the month has
	 * recorded for them already (without, the month's records are being rebuilt).
	 */
	static String monthValuesSeen(String where, boolean known) {
		return monthValuesSeenIn(grouped(where), known);
	}

	/**
	 * {@link #monthValuesSeen} of the rows {@code rows} selects, shaped as those of
	 * {@link #grouped}.
	 */
	static String monthValuesSeenIn(String rows, boolean known) {
		return MONTH_VALUES_SEEN.formatted(rows, each("array_agg(distinct g.%s) as %s_values"),
				each("m.%s_values as known_%s_values"), known, every("g.%s = any(k.%s_values)"));
	}

	/**
	 * Records for their developers the values {@link #monthValuesSeen} staged in
	 * {@code staged}, counting the new ones.
	 */
	static String monthValues(String staged) {
		return MONTH_VALUES.formatted(staged, newValues("k", "k.known_"), each("%s_values"), each(
				"array(select distinct x from unnest(coalesce(k.known_%s_values, '{}') || k.%s_values) as x order by x)"),
				each("%s_values = excluded.%s_values"));
	}

	/**
	 * The values of {@code seen}'s arrays ({@code <dimension>_values}) that
	 * {@code known}'s ({@code <known><dimension>_values}, null for a developer not seen
	 * yet) lack, as rows {@code (dimension, value)}.
	 */
	static String newValues(String seen, String known) {
		return Arrays.stream(Dimension.values())
			.map((dimension) -> "select '%1$s', x from unnest(%2$s.%1$s_values) as x where %3$s%1$s_values is null or not x = any(%3$s%1$s_values)"
				.formatted(dimension.key(), seen, known))
			.collect(Collectors.joining(" union all "));
	}

	/**
	 * {@code template} once per dimension, its key in every {@code %s}, comma-separated.
	 */
	static String each(String template) {
		return Arrays.stream(Dimension.values())
			.map((dimension) -> template.replace("%s", dimension.key()))
			.collect(Collectors.joining(", "));
	}

	/**
	 * {@code template} once per dimension, its key in every {@code %s}, joined by
	 * {@code and}.
	 */
	static String every(String template) {
		return Arrays.stream(Dimension.values())
			.map((dimension) -> template.replace("%s", dimension.key()))
			.collect(Collectors.joining(" and "));
	}

}
