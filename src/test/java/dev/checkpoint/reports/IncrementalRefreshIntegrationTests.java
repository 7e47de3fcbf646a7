package dev.checkpoint.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.ingest.PingWindows;
import dev.checkpoint.privacy.SignatureEraser;
import dev.checkpoint.reports.PingFixtures.TestPing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current month's refresh reads only the days the daily job has not computed yet, and
 * stores exactly what a computation from all the month's pings stores (which
 * {@link MauReportCorrectnessIntegrationTests} checks against raw counts): with some days
 * computed and others not, after a late write into a computed day, and after an erasure.
 * It absorbs the closed fold windows of the days not computed yet, and rebuilds the month
 * when one of them changes late.
 */
@CheckpointIntegrationTest
class IncrementalRefreshIntegrationTests {

	@Autowired
	MauCalculator calculator;

	@Autowired
	DailyCalculator daily;

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

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PingWindows windows;

	@Autowired
	JobReads jobReads;

	private YearMonth month;

	private final List<UUID> signatures = new ArrayList<>();

	@BeforeEach
	void cleanAndCreatePartition() {
		PingFixtures.truncateAll(this.jdbc);
		this.month = YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).plusMonths(2);
		PingFixtures.createPartition(this.jdbcTemplate, this.month);
		for (int i = 0; i < 15; i++) {
			this.signatures.add(UUID.randomUUID());
		}
	}

	@Test
	void shouldStoreWhatTheWholeMonthGivesWhenSomeDaysAreComputedAndOthersNot() {
		PingFixtures.storeOnTime(this.jdbcTemplate, generate(new Random(21), 1, 6));
		computeDaysUpTo(4);

		List<String> incremental = refresh();

		assertThat(this.jdbc.sql("select count(*) from month_value_counts").query(Long.class).single())
			.as("the pairs of days 1 to 4 are counted")
			.isPositive();
		assertThat(incremental).isNotEmpty().isEqualTo(fullRecompute());
	}

	@Test
	void shouldRebuildTheMonthWhenAComputedDayChangesLate() {
		PingFixtures.storeOnTime(this.jdbcTemplate, generate(new Random(22), 1, 4));
		computeDaysUpTo(3);
		refresh();
		UUID developer = this.signatures.get(0);
		Instant at = day(2).atTime(13, 0).toInstant(ZoneOffset.UTC);
		PingFixtures.store(this.jdbcTemplate,
				Clock.fixed(day(4).atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
				List.of(new TestPing(at, "alpha", "9.9.9", "darwin", "arm64", developer, false, "v22.0.0", "late-1")));

		computeDaysUpTo(3);

		assertThat(this.jdbc.sql("select count(*) from month_rebuilds").query(Long.class).single()).isOne();
		List<String> rebuilt = refresh();
		assertThat(this.jdbc.sql("select count(*) from month_rebuilds").query(Long.class).single()).isZero();
		assertThat(rebuilt).contains("alpha version 9.9.9 1 1").isEqualTo(fullRecompute());
		assertThat(refresh()).as("incremental again after the rebuild").isEqualTo(rebuilt);
	}

	@Test
	void shouldRebuildTheMonthWithoutAnErasedSignature() {
		UUID erased = UUID.randomUUID();
		List<TestPing> pings = new ArrayList<>(generate(new Random(23), 1, 4));
		pings.add(new TestPing(day(1).atTime(8, 0).toInstant(ZoneOffset.UTC), "alpha", "0.0.1", "linux", "x64", erased,
				false, "v20.11.0", "erased-1"));
		PingFixtures.storeOnTime(this.jdbcTemplate, pings);
		computeDaysUpTo(3);
		assertThat(refresh()).contains("alpha version 0.0.1 1 1");

		this.transactions.executeWithoutResult((status) -> this.erasers.forEach((eraser) -> eraser.erase(erased)));
		computeDaysUpTo(3);

		List<String> rebuilt = refresh();
		assertThat(rebuilt).noneMatch((row) -> row.contains("0.0.1")).isEqualTo(fullRecompute());
		assertThat(this.jdbc.sql("select count(*) from month_value_developers where signature = ?")
			.param(erased)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldDropTheMonthsPairsWithItsFinalReport() {
		PingFixtures.storeOnTime(this.jdbcTemplate, generate(new Random(24), 1, 3));
		computeDaysUpTo(3);
		List<String> current = refresh();

		this.calculator.compute(this.month, true);

		assertThat(breakdowns()).isEqualTo(current);
		assertThat(this.jdbc.sql("select count(*) from month_value_developers").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from month_value_counts").query(Long.class).single()).isZero();
	}

	@Test
	void shouldAbsorbClosedWindowsAndStoreWhatTheWholeMonthGives() {
		PingFixtures.storeOnTime(this.jdbcTemplate, generate(new Random(25), 1, 4));
		computeDaysUpTo(1);

		List<String> first = refreshAt(day(3).atTime(12, 30));

		assertThat(absorbedUntil()).isEqualTo(day(3).atTime(12, 0).toInstant(ZoneOffset.UTC));
		assertThat(absorbedDays()).containsExactly(day(2), day(3));
		List<String> second = refreshAt(day(4).atTime(12, 15));
		assertThat(absorbedUntil()).isEqualTo(day(4).atTime(12, 0).toInstant(ZoneOffset.UTC));
		assertThat(absorbedDays()).containsExactly(day(2), day(3), day(4));
		assertThat(second).isEqualTo(first);

		computeDaysUpTo(3);

		assertThat(absorbedDays()).as("a computed day's pings come from its daily figures").containsExactly(day(4));
		assertThat(this.jdbc.sql("select count(*) from month_rebuilds").query(Long.class).single()).isZero();
		List<String> third = refreshAt(day(4).atTime(12, 15));
		assertThat(third).isNotEmpty().isEqualTo(second).isEqualTo(fullRecompute());
		assertThat(absorbedUntil()).as("a rebuild starts the absorption again").isNull();
		assertThat(refreshAt(day(4).atTime(23, 0))).isEqualTo(third);
	}

	@Test
	void shouldRebuildTheMonthWhenAnAbsorbedWindowChangesLate() {
		UUID developer = storeWithAbsorbedDeveloper(new Random(26), 3, "alpha");

		moveLate(developer, 3, "alpha");

		List<String> rebuilt = refreshAt(day(3).atTime(13, 20));
		assertThat(rebuilt).as("the folded row holds the latest version only")
			.contains("alpha version 9.9.9 1 2")
			.noneMatch((row) -> row.contains("0.5.0"));
		assertThat(absorbedUntil()).isNull();
		List<String> again = refreshAt(day(3).atTime(13, 30));
		assertThat(absorbedUntil()).as("a marked day is read from its pings until it is computed")
			.isEqualTo(day(3).atStartOfDay().toInstant(ZoneOffset.UTC));
		assertThat(again).isEqualTo(rebuilt).isEqualTo(fullRecompute());
	}

	@Test
	void shouldRebuildTheMonthWhenTheDailyJobComputesAnAbsorbedDayThatChangedLate() {
		UUID developer = storeWithAbsorbedDeveloper(new Random(27), 2, "beta");
		moveLate(developer, 2, "beta");

		computeDaysUpTo(2);

		assertThat(this.jdbc.sql("select count(*) from month_rebuilds").query(Long.class).single()).isOne();
		List<String> rebuilt = refreshAt(day(3).atTime(0, 30));
		assertThat(rebuilt).contains("beta version 9.9.9 1 2").noneMatch((row) -> row.contains("0.5.0"));
		assertThat(refreshAt(day(3).atTime(13, 0))).isEqualTo(rebuilt).isEqualTo(fullRecompute());
	}

	/**
	 * Stores days 1 to 3 and a developer's ping of version 0.5.0 at 05:00 on {@code day},
	 * computes day 1 and refreshes at 13:00 on {@code day}, which absorbs the ping's
	 * window.
	 */
	private UUID storeWithAbsorbedDeveloper(Random random, int day, String product) {
		UUID developer = UUID.randomUUID();
		List<TestPing> pings = new ArrayList<>(generate(random, 1, 3));
		pings.add(new TestPing(day(day).atTime(5, 0).toInstant(ZoneOffset.UTC), product, "0.5.0", "linux", "x64",
				developer, false, "v20.11.0", "moved-1"));
		PingFixtures.storeOnTime(this.jdbcTemplate, pings);
		computeDaysUpTo(1);
		assertThat(refreshAt(day(day).atTime(13, 0))).contains(product + " version 0.5.0 1 1");
		return developer;
	}

	/**
	 * Stores at 13:05 on {@code day} the developer's ping of version 9.9.9 that arrived
	 * at 06:00: late, into the absorbed row, whose version it replaces.
	 */
	private void moveLate(UUID developer, int day, String product) {
		PingFixtures.store(this.jdbcTemplate,
				Clock.fixed(day(day).atTime(13, 5).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
				List.of(new TestPing(day(day).atTime(6, 0).toInstant(ZoneOffset.UTC), product, "9.9.9", "linux", "x64",
						developer, false, "v20.11.0", "moved-2")));
	}

	/** Refreshes the month as the refresh job would at {@code time}. */
	private List<String> refreshAt(LocalDateTime time) {
		MauCalculator at = new MauCalculator(this.jdbc, Clock.fixed(time.toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
				this.cohorts, this.events, this.jobReads, this.windows);
		this.transactions.executeWithoutResult((status) -> at.compute(this.month, false));
		return breakdowns();
	}

	private Instant absorbedUntil() {
		return this.jdbc.sql("select absorbed_until from month_absorptions where month = ?")
			.param(this.month.atDay(1))
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElse(null);
	}

	private List<LocalDate> absorbedDays() {
		return this.jdbc.sql("select distinct day from month_absorbed_pings order by day")
			.query(LocalDate.class)
			.list();
	}

	private List<String> refresh() {
		this.calculator.compute(this.month, false);
		return breakdowns();
	}

	/** The breakdowns a computation from all the month's pings stores. */
	private List<String> fullRecompute() {
		this.jdbc.sql("insert into month_rebuilds (month) values (?)").param(this.month.atDay(1)).update();
		return refresh();
	}

	private List<String> breakdowns() {
		return this.jdbc.sql("""
				select product || ' ' || dimension || ' ' || value || ' ' || developers || ' ' || pings
				from mau_breakdowns where month = ? order by 1""")
			.param(this.month.atDay(1))
			.query(String.class)
			.list();
	}

	private void computeDaysUpTo(int last) {
		DailyReportService service = new DailyReportService(this.daily, this.jdbc,
				Clock.fixed(day(last + 1).atTime(0, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC), this.properties,
				this.cohorts, this.reads);
		service.computePendingDays();
	}

	private LocalDate day(int day) {
		return this.month.atDay(day);
	}

	private List<TestPing> generate(Random random, int firstDay, int lastDay) {
		List<String> versions = List.of("1.0.0", "1.1.0", "2.0.0-beta.1", "");
		List<String> oses = List.of("linux", "darwin", "Windows_NT", "");
		List<TestPing> pings = new ArrayList<>();
		for (int d = firstDay; d <= lastDay; d++) {
			Instant start = day(d).atStartOfDay().toInstant(ZoneOffset.UTC);
			for (int i = 0; i < 30; i++) {
				String product = random.nextBoolean() ? "alpha" : "beta";
				UUID signature = (random.nextInt(6) == 0) ? null
						: this.signatures.get(random.nextInt(this.signatures.size()));
				Boolean ci = List.of(Boolean.TRUE, Boolean.FALSE, Boolean.FALSE).get(random.nextInt(3));
				pings.add(new TestPing(start.plusSeconds(random.nextInt(86_400)), product,
						versions.get(random.nextInt(versions.size())), oses.get(random.nextInt(oses.size())), "x64",
						signature, ci, "v20.11.0", "event-" + d + "-" + i));
			}
		}
		return pings;
	}

}
