package dev.checkpoint.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.shared.Job;
import dev.checkpoint.shared.Jobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs that must run once across replicas hold a ShedLock lock in the
 * {@code shedlock} table. (The catalogue's cache refresh runs on every instance by design
 * and is not checked here.)
 */
@CheckpointIntegrationTest
class SchedulerLockIntegrationTests {

	@Autowired
	LockProvider lockProvider;

	@Autowired
	Jobs jobs;

	@Autowired
	@Qualifier("mauCloseJob")
	Job closeJob;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private YearMonth lastMonth = YearMonth.now();

	@BeforeEach
	void clean() {
		PingFixtures.truncateAll(this.jdbc);
		lockUntil("- interval '1 minute'", "test");
		this.lastMonth = YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).minusMonths(1);
		PingFixtures.createPartition(this.jdbcTemplate, this.lastMonth);
		Instant at = this.lastMonth.atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC);
		PingFixtures.store(this.jdbcTemplate,
				List.of(PingFixtures.TestPing.of(at, "locktest", UUID.randomUUID(), false)));
	}

	@Test
	void shouldUseJdbcLockProviderWhenSchedulingIsOn() {
		assertThat(this.lockProvider).isInstanceOf(JdbcTemplateLockProvider.class);
	}

	@Test
	void shouldSkipJobWhileAnotherReplicaHoldsTheLock() {
		lockUntil("+ interval '1 hour'", "other-replica");
		assertThat(this.jobs.run(this.closeJob)).as("ran").isFalse();
		assertThat(finalReports()).isZero();

		lockUntil("- interval '1 minute'", "other-replica");
		this.jobs.run(this.closeJob);
		assertThat(finalReports()).isEqualTo(1);
		assertThat(this.jdbc.sql("select locked_by from shedlock where name = ?")
			.param(this.closeJob.name())
			.query(String.class)
			.single()).isNotEqualTo("other-replica");
	}

	@Test
	void shouldRunJobOnceWhenAnotherReplicaFiresTheSameTickSecondsLater() {
		this.jobs.run(this.closeJob);
		assertThat(finalReports()).isEqualTo(1);
		Instant at = this.lastMonth.atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC);
		PingFixtures.store(this.jdbcTemplate,
				List.of(PingFixtures.TestPing.of(at, "locktest-late", UUID.randomUUID(), false)));

		this.jobs.run(this.closeJob);
		assertThat(this.jdbc.sql("select count(*) from mau_reports where product = 'locktest-late'")
			.query(Long.class)
			.single()).as("skipped: the lock is held for at least 30 s").isZero();
	}

	@Test
	void shouldRunEveryJobButTheCatalogueRefreshAndTheGaugesOnOneInstanceUnderItsOwnLock() {
		List<Job> all = this.jobs.all();
		assertThat(all).extracting(Job::name)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrder("catalog.refresh", "catalog.notice-delivery-retention", "error-report-retention",
					"ingest.partitions", "ingest.raw-retention", "reports.mau-refresh", "reports.mau-close",
					"reports.daily", "reports.gauges", "webhooks.deliver", "catalog.rollout-stages");
		assertThat(all).filteredOn(Job::locked)
			.extracting(Job::name)
			.as("each instance refreshes its own catalogue and gauges, and delivers webhooks under row locks")
			.doesNotContain("catalog.refresh", "reports.gauges", "webhooks.deliver", "catalog.rollout-stages")
			.hasSize(7);
		assertThat(all).filteredOn((job) -> job.name().equals("reports.mau-refresh"))
			.extracting(Job::cron)
			.as("set to '-' by the tests' application.properties")
			.containsExactly("-");
		assertThat(all).filteredOn((job) -> job.name().equals("ingest.partitions"))
			.extracting(Job::cron)
			.as("the default of IngestProperties")
			.containsExactly("0 17 * * * *");
	}

	/**
	 * Sets the close job's lock row as another replica would (ShedLock remembers which
	 * rows exist, so rows are updated, never deleted), in the database's UTC time as
	 * ShedLock writes it.
	 */
	private void lockUntil(String offset, String lockedBy) {
		this.jdbc
			.sql("""
					insert into shedlock (name, lock_until, locked_at, locked_by)
					values (:name, timezone('utc', now()) %s, timezone('utc', now()), :by)
					on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by"""
				.formatted(offset))
			.param("name", this.closeJob.name())
			.param("by", lockedBy)
			.update();
	}

	private long finalReports() {
		return this.jdbc.sql("select count(*) from mau_reports where product = 'locktest' and final")
			.query(Long.class)
			.single();
	}

}
