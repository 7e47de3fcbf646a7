package dev.checkpoint.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.reports.PingFixtures.TestPing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The headline figures come from what the jobs stored: the month so far against the same
 * day of the month before, the latest day's active developers, the month's new ones and
 * the most exposed notice.
 */
@CheckpointIntegrationTest
class HeadlinesIntegrationTests {

	private static final String PRODUCT = "headlines-test";

	@Autowired
	DailyCalculator daily;

	@Autowired
	MauCalculator mau;

	@Autowired
	CohortCalculator cohorts;

	@Autowired
	NoticeExposureService notices;

	@Autowired
	ReportsProperties properties;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportReads reads;

	@Autowired
	Clock clock;

	private YearMonth month;

	@BeforeEach
	void createProduct() {
		PingFixtures.truncateAll(this.jdbc);
		this.month = YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).plusMonths(2);
		PingFixtures.createPartition(this.jdbcTemplate, this.month.minusMonths(1));
		PingFixtures.createPartition(this.jdbcTemplate, this.month);
		PingFixtures.createProduct(this.jdbc, PRODUCT);
	}

	@AfterEach
	void deleteProduct() {
		PingFixtures.deleteProduct(this.jdbc, PRODUCT);
	}

	@Test
	void shouldAnswerNothingButTheProductBeforeAnyReport() {
		HeadlinesResponse headlines = serviceAt(this.month.atDay(4)).headlines(PRODUCT);

		assertThat(headlines).isEqualTo(new HeadlinesResponse(PRODUCT, null, null, null, null, null));
	}

	@Test
	void shouldCompareTheMonthSoFarWithTheSameDayOfTheMonthBefore() {
		int notice = PingFixtures.notice(this.jdbc, PRODUCT, "<2.0.0", null, at(this.month.minusMonths(1).atDay(1)),
				null);
		List<UUID> s = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			s.add(UUID.randomUUID());
		}
		YearMonth before = this.month.minusMonths(1);
		PingFixtures.storeOnTime(this.jdbcTemplate,
				List.of(ping(before.atDay(1), s.get(0), false), ping(before.atDay(1), s.get(1), false),
						ping(before.atDay(2), s.get(2), false), ping(before.atDay(5), s.get(3), false),
						ping(this.month.atDay(1), s.get(0), false), ping(this.month.atDay(2), s.get(1), false),
						ping(this.month.atDay(2), s.get(4), false), ping(this.month.atDay(3), s.get(5), true)));
		for (LocalDate day : List.of(before.atDay(1), before.atDay(2), before.atDay(3), before.atDay(5),
				this.month.atDay(1), this.month.atDay(2), this.month.atDay(3))) {
			this.daily.compute(day);
		}
		this.mau.compute(this.month, false);
		this.cohorts.computeOpen(this.month);

		HeadlinesResponse headlines = serviceAt(this.month.atDay(4)).headlines(PRODUCT);

		assertThat(headlines.month()).extracting(HeadlinesResponse.Month::month, HeadlinesResponse.Month::developers)
			.containsExactly(this.month, 4L);
		HeadlinesResponse.MonthToDate monthToDate = headlines.monthToDate();
		assertThat(monthToDate).isNotNull();
		assertThat(monthToDate.day()).isEqualTo(this.month.atDay(3));
		assertThat(monthToDate.developers()).isEqualTo(4);
		assertThat(monthToDate.sameDayLastMonth()).isEqualTo(before.atDay(3));
		assertThat(monthToDate.developersLastMonth()).as("through day 3 only").isEqualTo(3);
		assertThat(monthToDate.change()).isCloseTo(4.0 / 3 - 1, within(1e-9));
		assertThat(headlines.day()).isEqualTo(new HeadlinesResponse.Day(this.month.atDay(3), 1, 4, 1.0, null));
		assertThat(headlines.newDevelopers()).isEqualTo(new HeadlinesResponse.NewDevelopers(this.month, 2));
		assertThat(headlines.worstNotice()).isNotNull();
		assertThat(headlines.worstNotice().notice().id()).isEqualTo(notice);
		assertThat(headlines.worstNotice().latest().day()).isEqualTo(this.month.atDay(3));
	}

	private HeadlinesService serviceAt(LocalDate today) {
		Clock fixed = Clock.fixed(today.atTime(1, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
		return new HeadlinesService(this.reads,
				new DailyReportService(this.daily, this.jdbc, fixed, this.properties, this.cohorts, this.reads),
				this.notices);
	}

	private static TestPing ping(LocalDate day, UUID signature, boolean ci) {
		return new TestPing(at(day).plusSeconds(3600), PRODUCT, "1.0.0", "linux", "x64", signature, ci, "v20.11.0",
				null);
	}

	private static Instant at(LocalDate day) {
		return day.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

}
