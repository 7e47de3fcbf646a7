package dev.checkpoint.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.reports.PingFixtures.TestPing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the jobs do, without the scheduler: the service runs on a clock pinned to a month
 * after the test months, which no job ever touches.
 */
@CheckpointIntegrationTest
class MauReportServiceIntegrationTests {

	@Autowired
	MauCalculator calculator;

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

	private YearMonth first = YearMonth.now();

	@BeforeEach
	void clean() {
		PingFixtures.truncateAll(this.jdbc);
		this.first = YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).plusMonths(1);
		for (int i = 0; i < 3; i++) {
			PingFixtures.createPartition(this.jdbcTemplate, this.first.plusMonths(i));
		}
	}

	@Test
	void shouldCloseEveryEndedMonthWithPingsOnceWhenCatchingUp() {
		ping(this.first, "alpha", UUID.randomUUID());
		ping(this.first, "beta", null);
		ping(this.first.plusMonths(1), "alpha", UUID.randomUUID());
		ping(this.first.plusMonths(2), "alpha", UUID.randomUUID());
		MauReportService service = serviceAt(this.first.plusMonths(2).atDay(1).atStartOfDay().plusMinutes(5));

		assertThat(service.closeEndedMonths()).containsExactly(this.first, this.first.plusMonths(1));
		assertThat(reports()).containsExactly("alpha " + this.first + " final", "beta " + this.first + " final",
				"alpha " + this.first.plusMonths(1) + " final");
		assertThat(service.closeEndedMonths()).isEmpty();
	}

	@Test
	void shouldCloseMonthWhoseReportWasOnlyRefreshedSoFar() {
		ping(this.first, "alpha", UUID.randomUUID());
		MauReportService during = serviceAt(this.first.atDay(20).atTime(12, 0));
		assertThat(during.refreshCurrentMonth()).isEqualTo(this.first);
		assertThat(during.closeEndedMonths()).isEmpty();
		assertThat(reports()).containsExactly("alpha " + this.first + " open");

		ping(this.first, "beta", UUID.randomUUID());
		assertThat(serviceAt(this.first.plusMonths(1).atDay(1).atTime(0, 5)).closeEndedMonths())
			.containsExactly(this.first);
		assertThat(reports()).containsExactly("alpha " + this.first + " final", "beta " + this.first + " final");
		assertThat(this.jdbc.sql("select count(*) from mau_breakdowns where month = ? and dimension = 'os'")
			.param(this.first.atDay(1))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private MauReportService serviceAt(java.time.LocalDateTime utc) {
		return new MauReportService(this.calculator, this.jdbc,
				Clock.fixed(utc.toInstant(ZoneOffset.UTC), ZoneOffset.UTC), this.properties, this.reads);
	}

	private void ping(YearMonth month, String product, UUID signature) {
		Instant at = month.atDay(10).atTime(9, 30).toInstant(ZoneOffset.UTC);
		PingFixtures.store(this.jdbcTemplate, List.of(TestPing.of(at, product, signature, null)));
	}

	private List<String> reports() {
		return this.jdbc.sql("""
				select product || ' ' || to_char(month, 'YYYY-MM') || case when final then ' final' else ' open' end
				from mau_reports order by month, product""").query(String.class).list();
	}

}
