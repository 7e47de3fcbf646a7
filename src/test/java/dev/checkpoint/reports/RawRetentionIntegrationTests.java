package dev.checkpoint.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.reports.PingFixtures.TestPing;
import dev.checkpoint.shared.Job;
import dev.checkpoint.shared.Jobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest's daily retention (default 13 months) drops old ping partitions and rollup rows
 * while the reports computed from them stay. Run through ingest's own (package-private)
 * job bean, lock included, since reports may not see ingest's types.
 */
@CheckpointIntegrationTest
class RawRetentionIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Jobs jobs;

	@Autowired
	MauCalculator calculator;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@BeforeEach
	void clean() {
		PingFixtures.truncateAll(this.jdbc);
		// ShedLock remembers which lock rows exist: release the row rather than delete it
		this.jdbc.sql("update shedlock set lock_until = locked_at where name = 'ingest.raw-retention'").update();
	}

	@Test
	void shouldDropRawPingsOlderThanRetentionButKeepReportsWhenRetentionJobRuns() {
		YearMonth now = YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		YearMonth oldestKept = now.minusMonths(13);
		YearMonth expired = now.minusMonths(14);
		for (YearMonth month : List.of(expired.minusMonths(1), expired, oldestKept)) {
			PingFixtures.createPartition(this.jdbcTemplate, month);
			Instant at = month.atEndOfMonth().atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
			PingFixtures.store(this.jdbcTemplate, List.of(TestPing.of(at, "retained", UUID.randomUUID(), false),
					TestPing.of(at, "retained", null, false)));
			this.calculator.compute(month, true);
		}

		assertThat(this.jobs.run(this.context.getBean("rawRetentionJob", Job.class))).isTrue();

		assertThat(partitionExists(expired.minusMonths(1))).isFalse();
		assertThat(partitionExists(expired)).isFalse();
		assertThat(partitionExists(oldestKept)).isTrue();
		assertThat(partitionExists(now)).isTrue();
		assertThat(this.jdbc.sql("select to_char(month, 'YYYY-MM') from monthly_actives").query(String.class).list())
			.containsExactly(oldestKept.toString());
		assertThat(this.jdbc.sql("select count(*) from monthly_anonymous").query(Long.class).single()).isEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from mau_reports where final and developers = 1")
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(this.jdbc.sql("select count(distinct month) from mau_breakdowns").query(Long.class).single())
			.isEqualTo(3);
	}

	private boolean partitionExists(YearMonth month) {
		return this.jdbc.sql("select count(*) from pg_class where relname = ?")
			.param("pings_%04d_%02d".formatted(month.getYear(), month.getMonthValue()))
			.query(Long.class)
			.single() > 0;
	}

}
