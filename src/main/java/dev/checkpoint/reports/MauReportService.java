package dev.checkpoint.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.checkpoint.ingest.PingTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the stored MAU reports current (the jobs call it) and reads them (the API calls
 * it). Reads touch only {@code mau_reports} and {@code mau_breakdowns}.
 */
@Service
class MauReportService {

	private static final Logger log = LoggerFactory.getLogger(MauReportService.class);

	/**
	 * The (product, month) pairs with rollup rows, found with one index probe per pair (a
	 * loose index scan) rather than by reading every signature's row.
	 */
	private static final String UNCLOSED_MONTHS = """
			with recursive actives as (
			  (select product, month from %1$s order by product, month limit 1)
			  union all
			  select n.product, n.month from actives as a cross join lateral (
			    select m.product, m.month from %1$s as m
			    where (m.product, m.month) > (a.product, a.month)
			    order by m.product, m.month limit 1) as n
			), candidates as (
			  select product, month from actives
			  union
			  select product, month from %2$s
			)
			select distinct c.month from candidates as c
			where c.month < :current and not exists (
			  select 1 from mau_reports as r where r.product = c.product and r.month = c.month and r.final)
			order by c.month
			""".formatted(PingTables.MONTHLY_ACTIVES.sqlName(), PingTables.MONTHLY_ANONYMOUS.sqlName());

	private final MauCalculator calculator;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReportsProperties properties;

	private final ReportReads reads;

	MauReportService(MauCalculator calculator, JdbcClient jdbc, Clock clock, ReportsProperties properties,
			ReportReads reads) {
		this.calculator = calculator;
		this.jdbc = jdbc;
		this.reads = reads;
		this.clock = clock;
		this.properties = properties;
	}

	/** Recomputes the current UTC month's (not final) reports. */
	YearMonth refreshCurrentMonth() {
		YearMonth month = currentMonth();
		List<String> products = this.calculator.compute(month, false);
		log.debug("Refreshed MAU reports of {} for {} products", month, products.size());
		return month;
	}

	/**
	 * Gives every ended month that has rollup rows but no final report its final report,
	 * oldest first, one transaction per month.
	 * @return the months that were closed
	 */
	List<YearMonth> closeEndedMonths() {
		List<YearMonth> closed = new ArrayList<>();
		for (YearMonth month : unclosedMonths()) {
			List<String> products = this.calculator.compute(month, true);
			log.info("Closed MAU reports of {} for {} products", month, products.size());
			closed.add(month);
		}
		return closed;
	}

	@Transactional(readOnly = true)
	List<YearMonth> unclosedMonths() {
		return this.jdbc.sql(UNCLOSED_MONTHS)
			.param("current", currentMonth().atDay(1))
			.query((rs, row) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
			.list();
	}

	List<String> products() {
		return this.reads.read((jdbc) -> {
			return jdbc.sql("select distinct product from mau_reports order by product").query(String.class).list();
		});
	}

	List<MauMonthView> months(String product, YearMonth from, YearMonth to) {
		return this.reads.read((jdbc) -> {
			return jdbc.sql("""
					select month, developers, developers_excluding_ci, returning_developers, anonymous_pings, final,
					  computed_at
					from mau_reports where product = :product and month between :from and :to order by month""")
				.param("product", product)
				.param("from", from.atDay(1))
				.param("to", to.atDay(1))
				.query((rs, row) -> new MauMonthView(YearMonth.from(rs.getObject("month", LocalDate.class)),
						rs.getLong("developers"), rs.getLong("developers_excluding_ci"),
						rs.getLong("returning_developers"), rs.getLong("anonymous_pings"), rs.getBoolean("final"),
						rs.getObject("computed_at", OffsetDateTime.class).toInstant()))
				.list();
		});
	}

	/**
	 * The month's breakdown as shown: ordered, small cells folded
	 * ({@link BreakdownCells}).
	 */
	List<BreakdownRowView> breakdown(String product, YearMonth month, Dimension dimension) {
		return this.reads.read((jdbc) -> {
			List<BreakdownRowView> stored = jdbc.sql("""
					select value, developers, pings from mau_breakdowns
					where product = :product and month = :month and dimension = :dimension""")
				.param("product", product)
				.param("month", month.atDay(1))
				.param("dimension", dimension.key())
				.query((rs, row) -> new BreakdownRowView(rs.getString("value"), rs.getLong("developers"),
						rs.getLong("pings")))
				.list();
			return BreakdownCells.publish(stored, dimension, this.properties.minCellSize());
		});
	}

	/** The cohorts first seen in {@code [from, to]} and their months up to {@code to}. */
	RetentionResponse retention(String product, YearMonth from, YearMonth to) {
		return this.reads.read((jdbc) -> {
			List<RetentionResponse.Cell> cells = jdbc.sql("""
					select cohort, month, developers from mau_cohorts
					where product = :product and cohort between :from and :to and month <= :to""")
				.param("product", product)
				.param("from", from.atDay(1))
				.param("to", to.atDay(1))
				.query((rs, row) -> new RetentionResponse.Cell(YearMonth.from(rs.getObject("cohort", LocalDate.class)),
						YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("developers")))
				.list();
			return RetentionResponse.of(product, from, to, cells, this.properties.minCellSize());
		});
	}

	YearMonth currentMonth() {
		return YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
	}

}
