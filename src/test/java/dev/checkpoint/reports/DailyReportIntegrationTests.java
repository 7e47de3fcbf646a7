package dev.checkpoint.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.privacy.SignatureEraser;
import dev.checkpoint.reports.PingFixtures.TestPing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily figures equal independent counts over each day's raw pings, are computed once
 * a day has settled, and again (only then) when ingest marks a day as changed late: by a
 * late write or an erasure.
 */
@CheckpointIntegrationTest
class DailyReportIntegrationTests {

	@Autowired
	DailyCalculator calculator;

	@Autowired
	ReportsProperties properties;

	@Autowired
	CohortCalculator cohorts;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportReads reads;

	@Autowired
	List<SignatureEraser> erasers;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	/** A month after the current one: no other job touches it, whatever today is. */
	private YearMonth month;

	@BeforeEach
	void cleanAndCreatePartition() {
		PingFixtures.truncateAll(this.jdbc);
		this.month = YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).plusMonths(2);
		PingFixtures.createPartition(this.jdbcTemplate, this.month);
	}

	@Test
	void shouldStoreFiguresEqualToRawCountsOfEachSettledDay() {
		List<TestPing> pings = generate(new Random(7), 5);
		PingFixtures.storeOnTime(this.jdbcTemplate, pings);
		DailyReportService service = serviceAt(day(6).atTime(0, 11));

		assertThat(service.computePendingDays()).containsExactly(day(1), day(2), day(3), day(4), day(5));
		for (int d = 1; d <= 5; d++) {
			assertThat(storedHeadlines(day(d))).as("figures of day %d", d).isEqualTo(rawHeadlines(day(d)));
			assertThat(storedVersions(day(d))).as("versions of day %d", d).isEqualTo(rawVersions(day(d)));
		}
		assertThat(service.computePendingDays()).as("each day once").isEmpty();
		assertThat(this.jdbc
			.sql("select bool_or(developers_excluding_ci < developers) and bool_or(anonymous_pings > 0)"
					+ " and bool_or(developers > 1) from daily_reports")
			.query(Boolean.class)
			.single()).as("the data exercises every figure").isTrue();
	}

	@Test
	void shouldCountTheWeeksAndMonthsDevelopersAndCountThemAgainWhenAnEarlierDayChangesLate() {
		PingFixtures.storeOnTime(this.jdbcTemplate, generate(new Random(11), 9));
		DailyReportService service = serviceAt(day(10).atTime(1, 0));
		service.computePendingDays();
		for (int d = 1; d <= 9; d++) {
			assertThat(storedWeekly(day(d))).as("week of day %d", d).isEqualTo(rawWeekly(day(d)));
			assertThat(storedMonthToDate(day(d))).as("month up to day %d", d).isEqualTo(rawMonthToDate(day(d)));
		}
		Map<String, Long> ninth = storedWeekly(day(9));

		Instant late = day(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
		PingFixtures.store(this.jdbcTemplate, Clock.fixed(late.plusSeconds(86_400), ZoneOffset.UTC),
				List.of(TestPing.of(late, "alpha", UUID.randomUUID(), false)));
		service.computePendingDays();

		for (int d = 1; d <= 9; d++) {
			assertThat(storedWeekly(day(d))).as("week of day %d", d).isEqualTo(rawWeekly(day(d)));
			assertThat(storedMonthToDate(day(d))).as("month up to day %d", d).isEqualTo(rawMonthToDate(day(d)));
		}
		assertThat(storedWeekly(day(8)).get("alpha")).as("the last week holding day 2")
			.isEqualTo(rawWeekly(day(8)).get("alpha"))
			.isGreaterThan(0);
		assertThat(storedWeekly(day(9))).isEqualTo(ninth);
		assertThat(storedMonthToDate(day(9)).get("alpha")).as("the month so far holds day 2")
			.isEqualTo(rawMonthToDate(day(9)).get("alpha"));
	}

	@Test
	void shouldCountAWeekThatStartsInTheMonthBefore() {
		YearMonth before = this.month.minusMonths(1);
		PingFixtures.createPartition(this.jdbcTemplate, before);
		LocalDate last = before.atEndOfMonth();
		UUID both = UUID.randomUUID();
		PingFixtures.storeOnTime(this.jdbcTemplate, List.of(
				TestPing.of(last.minusDays(5).atTime(12, 0).toInstant(ZoneOffset.UTC), "alpha", UUID.randomUUID(),
						false),
				TestPing.of(last.minusDays(4).atTime(12, 0).toInstant(ZoneOffset.UTC), "alpha", UUID.randomUUID(),
						false),
				TestPing.of(last.atTime(12, 0).toInstant(ZoneOffset.UTC), "alpha", both, false),
				TestPing.of(day(2).atTime(12, 0).toInstant(ZoneOffset.UTC), "alpha", both, true),
				TestPing.of(day(2).atTime(13, 0).toInstant(ZoneOffset.UTC), "alpha", UUID.randomUUID(), false)));
		for (LocalDate day : List.of(last.minusDays(5), last.minusDays(4), last, day(1), day(2), day(7), day(8))) {
			this.calculator.compute(day);
		}

		assertThat(storedWeekly(day(2))).as("the 5 days before in the month before, one developer in both")
			.containsEntry("alpha", 3L)
			.isEqualTo(rawWeekly(day(2)));
		assertThat(storedWeekly(day(7))).isEqualTo(rawWeekly(day(7))).containsEntry("alpha", 2L);
		assertThat(storedWeekly(day(8))).as("a day without pings of its own").isEqualTo(rawWeekly(day(8)));
		assertThat(storedWeekly(last)).isEqualTo(rawWeekly(last)).containsEntry("alpha", 3L);
	}

	@Test
	void shouldWaitUntilADayHasSettled() {
		PingFixtures.storeOnTime(this.jdbcTemplate, generate(new Random(8), 2));

		assertThat(serviceAt(day(3).atTime(0, 9)).computePendingDays()).containsExactly(day(1));
		assertThat(serviceAt(day(3).atTime(0, 10)).computePendingDays()).containsExactly(day(2));
	}

	@Test
	void shouldRecomputeADayWhenPingsOfItAreStoredLate() {
		PingFixtures.storeOnTime(this.jdbcTemplate, generate(new Random(9), 3));
		DailyReportService service = serviceAt(day(4).atTime(1, 0));
		service.computePendingDays();
		long before = storedHeadlines(day(2)).get("alpha").get(0);

		Instant late = day(2).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
		PingFixtures.store(this.jdbcTemplate, Clock.fixed(late.plusSeconds(3600), ZoneOffset.UTC),
				List.of(TestPing.of(late, "alpha", UUID.randomUUID(), false)));
		PingFixtures.store(this.jdbcTemplate, Clock.fixed(late.plusSeconds(60), ZoneOffset.UTC),
				List.of(TestPing.of(late, "beta", UUID.randomUUID(), false)));

		assertThat(this.jdbc.sql("select product || ' ' || day from ping_late_days").query(String.class).list())
			.as("only the write later than PingTables.LATE_AFTER")
			.containsExactly("alpha " + day(2));
		assertThat(service.computePendingDays()).containsExactly(day(2));
		assertThat(storedHeadlines(day(2))).isEqualTo(rawHeadlines(day(2)));
		assertThat(storedHeadlines(day(2)).get("alpha").get(0)).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("select count(*) from ping_late_days").query(Long.class).single()).isZero();
	}

	@Test
	void shouldRecomputeTheDaysOfAnErasedSignature() {
		UUID erased = UUID.randomUUID();
		List<TestPing> pings = new ArrayList<>(generate(new Random(10), 3));
		pings.add(TestPing.of(day(1).atTime(8, 0).toInstant(ZoneOffset.UTC), "alpha", erased, false));
		pings.add(TestPing.of(day(3).atTime(8, 0).toInstant(ZoneOffset.UTC), "alpha", erased, true));
		PingFixtures.storeOnTime(this.jdbcTemplate, pings);
		DailyReportService service = serviceAt(day(4).atTime(1, 0));
		service.computePendingDays();

		this.transactions.executeWithoutResult((status) -> this.erasers.forEach((eraser) -> eraser.erase(erased)));

		assertThat(service.pendingDays()).containsExactly(day(1), day(3));
		service.computePendingDays();
		for (int d = 1; d <= 3; d++) {
			assertThat(storedHeadlines(day(d))).as("figures of day %d", d).isEqualTo(rawHeadlines(day(d)));
			assertThat(storedVersions(day(d))).as("versions of day %d", d).isEqualTo(rawVersions(day(d)));
		}
	}

	private DailyReportService serviceAt(LocalDateTime utc) {
		return new DailyReportService(this.calculator, this.jdbc,
				Clock.fixed(utc.toInstant(ZoneOffset.UTC), ZoneOffset.UTC), this.properties, this.cohorts, this.reads);
	}

	private LocalDate day(int day) {
		return this.month.atDay(day);
	}

	private List<TestPing> generate(Random random, int days) {
		List<UUID> signatures = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			signatures.add(UUID.randomUUID());
		}
		List<String> versions = List.of("1.0.0", "1.1.0", "2.0.0-beta.1", "");
		List<TestPing> pings = new ArrayList<>();
		for (int d = 1; d <= days; d++) {
			Instant start = day(d).atStartOfDay().toInstant(ZoneOffset.UTC);
			for (int i = 0; i < 40; i++) {
				String product = random.nextBoolean() ? "alpha" : "beta";
				UUID signature = (random.nextInt(6) == 0) ? null : signatures.get(random.nextInt(signatures.size()));
				Instant at = (i == 0) ? start : (i == 1) ? start.plusSeconds(86_399).plusMillis(999)
						: start.plusSeconds(random.nextInt(86_400));
				Boolean ci = List.of(Boolean.TRUE, Boolean.FALSE, Boolean.FALSE).get(random.nextInt(3));
				pings.add(new TestPing(at, product, versions.get(random.nextInt(versions.size())), "linux", "x64",
						signature, ci, "v20.11.0", "event-" + d + "-" + i));
			}
		}
		return pings;
	}

	/** product → [developers, excluding CI, pings, anonymous pings] as stored. */
	private Map<String, List<Long>> storedHeadlines(LocalDate day) {
		Map<String, List<Long>> figures = new TreeMap<>();
		this.jdbc.sql("""
				select product, developers, developers_excluding_ci, pings, anonymous_pings
				from daily_reports where day = ?""").param(day).query((rs, row) -> {
			figures.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
			return row;
		}).list();
		return figures;
	}

	private Map<String, List<Long>> rawHeadlines(LocalDate day) {
		Map<String, List<Long>> figures = new TreeMap<>();
		this.jdbc.sql("""
				select product, count(distinct signature), count(distinct signature) filter (where ci is not true),
				  sum(hits), coalesce(sum(hits) filter (where signature is null), 0)
				from ping_details where (received_at at time zone 'UTC')::date = ? group by product""")
			.param(day)
			.query((rs, row) -> {
				figures.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
				return row;
			})
			.list();
		return figures;
	}

	/** product → weekly developers as stored. */
	private Map<String, Long> storedWeekly(LocalDate day) {
		return stored(day, "weekly_developers");
	}

	/**
	 * product → distinct signatures of the 7 days ending with the day, from the pings.
	 */
	private Map<String, Long> rawWeekly(LocalDate day) {
		return rawDevelopers(day.minusDays(6), day);
	}

	/** product → the month's developers so far as stored. */
	private Map<String, Long> storedMonthToDate(LocalDate day) {
		return stored(day, "month_developers");
	}

	private Map<String, Long> rawMonthToDate(LocalDate day) {
		return rawDevelopers(day.withDayOfMonth(1), day);
	}

	private Map<String, Long> stored(LocalDate day, String column) {
		Map<String, Long> figures = new TreeMap<>();
		this.jdbc.sql("select product, " + column + " from daily_reports where day = ?").param(day).query((rs) -> {
			figures.put(rs.getString(1), rs.getLong(2));
		});
		return figures;
	}

	private Map<String, Long> rawDevelopers(LocalDate from, LocalDate to) {
		Map<String, Long> figures = new TreeMap<>();
		this.jdbc.sql("""
				select product, count(distinct signature) from ping_details
				where (received_at at time zone 'UTC')::date between ? and ? group by product""")
			.params(from, to)
			.query((rs) -> {
				figures.put(rs.getString(1), rs.getLong(2));
			});
		return figures;
	}

	/** "product value" → [developers, pings] of the version breakdown as stored. */
	private Map<String, List<Long>> storedVersions(LocalDate day) {
		Map<String, List<Long>> figures = new TreeMap<>();
		this.jdbc.sql("""
				select product || ' ' || value, developers, pings from daily_breakdowns
				where day = ? and dimension = 'version'""").param(day).query((rs, row) -> {
			figures.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
			return row;
		}).list();
		return figures;
	}

	private Map<String, List<Long>> rawVersions(LocalDate day) {
		Map<String, List<Long>> figures = new TreeMap<>();
		this.jdbc.sql("""
				select product || ' ' || coalesce(nullif(version, ''), 'unknown'), count(distinct signature), sum(hits)
				from ping_details where (received_at at time zone 'UTC')::date = ? group by 1""")
			.param(day)
			.query((rs, row) -> {
				figures.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
				return row;
			})
			.list();
		return figures;
	}

}
