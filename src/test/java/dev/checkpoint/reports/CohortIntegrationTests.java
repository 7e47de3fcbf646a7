package dev.checkpoint.reports;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.reports.PingFixtures.TestPing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Each month's developers split by the month they were first seen in, stored when the
 * month closes (and for the month so far by the daily job), and read as a retention table
 * with the privacy threshold.
 */
@CheckpointIntegrationTest
class CohortIntegrationTests {

	@Autowired
	MauCalculator calculator;

	@Autowired
	CohortCalculator cohorts;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Clock clock;

	private List<YearMonth> months = List.of();

	@BeforeEach
	void cleanAndCreatePartitions() {
		PingFixtures.truncateAll(this.jdbc);
		YearMonth next = YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).plusMonths(1);
		this.months = List.of(next, next.plusMonths(1), next.plusMonths(2));
		this.months.forEach((month) -> PingFixtures.createPartition(this.jdbcTemplate, month));
	}

	@Test
	void shouldSplitEachClosedMonthsDevelopersByTheMonthTheyWereFirstSeenIn() {
		UUID always = UUID.randomUUID();
		UUID skipsOne = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();
		ping(0, always, skipsOne);
		ping(1, always, second);
		ping(2, always, skipsOne, third);
		this.months.forEach((month) -> this.calculator.compute(month, true));

		assertThat(cohorts()).containsExactly(cell(0, 0, 2), cell(0, 1, 1), cell(0, 2, 2), cell(1, 1, 1),
				cell(2, 2, 1));
	}

	@Test
	void shouldComputeTheOpenMonthSoFarAndLeaveAClosedOneAlone() {
		ping(0, UUID.randomUUID());
		this.calculator.compute(this.months.get(0), true);
		ping(1, UUID.randomUUID(), UUID.randomUUID());
		ping(0, UUID.randomUUID());
		this.calculator.compute(this.months.get(1), false);

		this.cohorts.computeOpen(this.months.get(1));
		this.cohorts.computeOpen(this.months.get(0));

		assertThat(cohorts()).containsExactly(cell(0, 0, 1), cell(1, 1, 2));
	}

	@Test
	void shouldAnswerTheRetentionTableWithSmallCellsLeftOut() {
		List<UUID> cohort = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			cohort.add(UUID.randomUUID());
		}
		ping(0, cohort.toArray(UUID[]::new));
		ping(1, cohort.subList(0, 6).toArray(UUID[]::new));
		ping(1, UUID.randomUUID());
		ping(2, cohort.subList(0, 2).toArray(UUID[]::new));
		this.months.forEach((month) -> this.calculator.compute(month, true));

		String from = this.months.get(0).toString();
		String to = this.months.get(2).toString();
		assertThat(this.mvc.get()
			.uri("/api/reports/retention?product=alpha&from=" + from + "&to=" + to)
			.with(user("ops").roles("OPERATOR"))).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"product": "alpha", "from": "%1$s", "to": "%3$s", "cohorts": [
					  {"cohort": "%1$s", "developers": 8, "months": [
					    {"month": "%1$s", "developers": 8, "share": 1.0},
					    {"month": "%2$s", "developers": 6, "share": 0.75},
					    {"month": "%3$s", "developers": null, "share": null}]},
					  {"cohort": "%2$s", "developers": null, "months": [
					    {"month": "%2$s", "developers": null, "share": null}]}]}""".formatted(from, this.months.get(1),
					to));
		assertThat(this.mvc.get()
			.uri("/api/reports/retention?product=alpha&from=" + from + "&to=" + to + "&format=csv")
			.with(user("ops").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.startsWith("\"product\",\"cohort\",\"cohort_developers\",\"month\",\"developers\",\"share\"\r\n"
					+ "\"alpha\",\"" + from + "\",8,\"" + from + "\",8,1.0000\r\n");
	}

	private void ping(int month, UUID... signatures) {
		List<TestPing> pings = new ArrayList<>();
		for (UUID signature : signatures) {
			pings.add(TestPing.of(this.months.get(month).atDay(3).atTime(10, 0).toInstant(ZoneOffset.UTC), "alpha",
					signature, false));
		}
		PingFixtures.store(this.jdbcTemplate, pings);
	}

	private String cell(int cohort, int month, long developers) {
		return this.months.get(cohort) + " " + this.months.get(month) + " " + developers;
	}

	private List<String> cohorts() {
		return this.jdbc.sql("""
				select to_char(cohort, 'YYYY-MM') || ' ' || to_char(month, 'YYYY-MM') || ' ' || developers
				from mau_cohorts where product = 'alpha' order by cohort, month""").query(String.class).list();
	}

}
