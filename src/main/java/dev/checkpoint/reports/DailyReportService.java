package dev.checkpoint.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import dev.checkpoint.ingest.PingTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the daily figures current (the daily job calls it) and reads them (the API calls
 * it). A day is computed once it has settled ({@link #SETTLE} after its end), and again
 * whenever ingest marks it as changed late; reads touch only {@code daily_computed},
 * {@code daily_reports} and {@code daily_breakdowns}.
 */
@Service
class DailyReportService {

	private static final Logger log = LoggerFactory.getLogger(DailyReportService.class);

	/**
	 * How long after its end a day is computed: ingest marks every ping stored more than
	 * {@link PingTables#LATE_AFTER} after it arrived, and the rest is margin for a write
	 * that was on time when it started but commits slowly.
	 */
	static final Duration SETTLE = PingTables.LATE_AFTER.plusMinutes(5);

	/**
	 * Most days computed per run, so that catching up on a long history is spread out.
	 */
	static final int MAX_DAYS_PER_RUN = 31;

	/** Most days computed back from yesterday when the history is longer. */
	static final int MAX_HISTORY_DAYS = 400;

	/**
	 * The settled days not computed yet, from the oldest month that still has rollups
	 * (its raw pings are kept as long), and the days marked as changed late; oldest
	 * first.
	 */
	private static final String PENDING = """
			with recursive products as (
			  (select product from %1$s order by product limit 1)
			  union all
			  select (select a.product from %1$s as a where a.product > p.product order by a.product limit 1)
			  from products as p where p.product is not null
			), first as (
			  select least(
			    (select min((select a.month from %1$s as a where a.product = p.product order by a.month limit 1))
			      from products as p where p.product is not null),
			    (select min(month) from %2$s)) as day
			)
			select day from (
			  select d::date as day
			  from first, generate_series(greatest(first.day, :last - :history), :last, interval '1 day') as d
			  where first.day is not null
			    and not exists (select 1 from daily_computed as c where c.day = d::date)
			  union
			  select day from %3$s where day <= :last
			) as pending
			order by day limit :limit
			""".formatted(PingTables.MONTHLY_ACTIVES.sqlName(), PingTables.MONTHLY_ANONYMOUS.sqlName(),
			PingTables.PING_LATE_DAYS.sqlName());

	private final DailyCalculator calculator;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReportsProperties properties;

	private final CohortCalculator cohorts;

	private final ReportReads reads;

	DailyReportService(DailyCalculator calculator, JdbcClient jdbc, Clock clock, ReportsProperties properties,
			CohortCalculator cohorts, ReportReads reads) {
		this.calculator = calculator;
		this.jdbc = jdbc;
		this.reads = reads;
		this.clock = clock;
		this.properties = properties;
		this.cohorts = cohorts;
	}

	/**
	 * Computes the pending days, oldest first, one transaction each, at most
	 * {@link #MAX_DAYS_PER_RUN}; then, when it computed any, the current month's cohorts
	 * so far (once a day, as they cost a lookup per developer of the month).
	 * @return the days computed
	 */
	List<LocalDate> computePendingDays() {
		List<LocalDate> days = pendingDays();
		for (LocalDate day : days) {
			this.calculator.compute(day);
		}
		if (!days.isEmpty()) {
			this.cohorts.computeOpen(YearMonth.from(lastSettledDay().plusDays(1)));
			log.info("Computed the daily reports of {} day(s), {} to {}", days.size(), days.get(0),
					days.get(days.size() - 1));
		}
		return days;
	}

	@Transactional(readOnly = true)
	List<LocalDate> pendingDays() {
		return this.jdbc.sql(PENDING)
			.param("last", lastSettledDay())
			.param("history", MAX_HISTORY_DAYS)
			.param("limit", MAX_DAYS_PER_RUN)
			.query(LocalDate.class)
			.list();
	}

	/** The latest day that has settled. */
	LocalDate lastSettledDay() {
		return LocalDate.ofInstant(this.clock.instant().minus(SETTLE), ZoneOffset.UTC).minusDays(1);
	}

	List<DailyResponse.DayView> days(String product, LocalDate from, LocalDate to) {
		return this.reads.read((jdbc) -> {
			return jdbc.sql("""
					select c.day, coalesce(r.developers, 0) as developers,
					  coalesce(r.developers_excluding_ci, 0) as developers_excluding_ci,
					  coalesce(r.weekly_developers, 0) as weekly_developers,
					  coalesce(r.month_developers, 0) as month_developers, coalesce(r.pings, 0) as pings,
					  coalesce(r.anonymous_pings, 0) as anonymous_pings
					from daily_computed as c
					left join daily_reports as r on r.product = :product and r.day = c.day
					where c.day between :from and :to order by c.day""")
				.param("product", product)
				.param("from", from)
				.param("to", to)
				.query((rs, row) -> new DailyResponse.DayView(rs.getObject("day", LocalDate.class),
						rs.getLong("developers"), rs.getLong("developers_excluding_ci"),
						rs.getLong("weekly_developers"), rs.getLong("month_developers"), rs.getLong("pings"),
						rs.getLong("anonymous_pings")))
				.list();
		});
	}

	AdoptionResponse adoption(String product, Dimension dimension, LocalDate from, LocalDate to, int top) {
		return this.reads.read((jdbc) -> {
			List<LocalDate> days = jdbc
				.sql("select day from daily_computed where day between :from and :to order by day")
				.param("from", from)
				.param("to", to)
				.query(LocalDate.class)
				.list();
			List<AdoptionResponse.Cell> cells = jdbc.sql("""
					select day, value, developers, pings from daily_breakdowns
					where product = :product and dimension = :dimension and day between :from and :to""")
				.param("product", product)
				.param("dimension", dimension.key())
				.param("from", from)
				.param("to", to)
				.query((rs, row) -> new AdoptionResponse.Cell(rs.getObject("day", LocalDate.class),
						rs.getString("value"), rs.getLong("developers"), rs.getLong("pings")))
				.list();
			return AdoptionResponse.of(product, dimension, from, to, days, cells, top, this.properties.minCellSize());
		});
	}

}
