package dev.checkpoint.reports;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import dev.checkpoint.ingest.PingTables;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Splits a month's developers by the month each was first seen in ({@code mau_cohorts}),
 * from ingest's {@code monthly_actives}: one lookup of each developer's earliest month by
 * the signature index, so the cost is that of the month's developers, paid when a month
 * closes and once a day for the current month. A developer absent for longer than the raw
 * retention ({@code checkpoint.ingest.raw-retention}) counts as new again.
 */
@Component
class CohortCalculator {

	private static final StagedRead COHORTS_READ = new StagedRead("report_cohorts",
			"""
					select a.product, f.first_month as cohort, count(*) as developers
					from %1$s as a
					cross join lateral (
					  select min(b.month) as first_month from %1$s as b where b.signature = a.signature and b.product = a.product
					) as f
					where a.month = :month and a.product = any(:products)
					group by 1, 2
					"""
				.formatted(PingTables.MONTHLY_ACTIVES.sqlName()));

	private static final String COHORTS = """
			insert into mau_cohorts (product, cohort, month, developers)
			select product, cohort, :month, developers from %s
			""".formatted(COHORTS_READ.table());

	private final JdbcClient jdbc;

	private final JobReads reads;

	CohortCalculator(JdbcClient jdbc, JobReads reads) {
		this.jdbc = jdbc;
		this.reads = reads;
	}

	/**
	 * (Re)computes the cohorts of the month so far, for its products that are not final.
	 */
	@Transactional
	void computeOpen(YearMonth month) {
		List<String> products = this.jdbc.sql("select product from mau_reports where month = :month and not final")
			.param("month", month.atDay(1))
			.query(String.class)
			.list();
		if (!products.isEmpty()) {
			compute(month, products);
		}
	}

	/**
	 * (Re)computes the month's cohorts of the given products, in the caller's
	 * transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void compute(YearMonth month, List<String> products) {
		String[] names = products.toArray(String[]::new);
		this.jdbc.sql("delete from mau_cohorts where month = :month and product = any(:products)")
			.param("month", month.atDay(1))
			.param("products", names)
			.update();
		this.reads.stage(COHORTS_READ, Map.of("month", month.atDay(1), "products", names));
		this.jdbc.sql(COHORTS).param("month", month.atDay(1)).update();
	}

}
