package dev.checkpoint.reports;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs that must run once across replicas hold a ShedLock lock in the
 * {@code shedlock} table. (The catalogue's cache refresh runs on every instance by design
 * and is not checked here.)
 */
@ReportsIntegrationTest
class SchedulerLockIntegrationTests {

	@Autowired
	LockProvider lockProvider;

	@Autowired
	MauCloseJob closeJob;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private YearMonth lastMonth = YearMonth.now();

	@BeforeEach
	void clean() {
		this.jdbc.sql("truncate pings, monthly_actives, monthly_anonymous, mau_reports, mau_breakdowns").update();
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
		this.closeJob.closeEndedMonths();
		assertThat(finalReports()).isZero();

		lockUntil("- interval '1 minute'", "other-replica");
		this.closeJob.closeEndedMonths();
		assertThat(finalReports()).isEqualTo(1);
		assertThat(this.jdbc.sql("select locked_by from shedlock where name = ?")
			.param(MauCloseJob.LOCK)
			.query(String.class)
			.single()).isNotEqualTo("other-replica");
	}

	@Test
	void shouldRunJobOnceWhenAnotherReplicaFiresTheSameTickSecondsLater() {
		this.closeJob.closeEndedMonths();
		assertThat(finalReports()).isEqualTo(1);
		Instant at = this.lastMonth.atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC);
		PingFixtures.store(this.jdbcTemplate,
				List.of(PingFixtures.TestPing.of(at, "locktest-late", UUID.randomUUID(), false)));

		this.closeJob.closeEndedMonths();
		assertThat(this.jdbc.sql("select count(*) from mau_reports where product = 'locktest-late'")
			.query(Long.class)
			.single()).as("skipped: the lock is held for at least 30 s").isZero();
	}

	@Test
	void shouldLockEveryScheduledMethodOfReportsAndIngestUnderItsOwnName() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		List<Method> scheduled = new ArrayList<>();
		for (String module : List.of("dev.checkpoint.reports", "dev.checkpoint.ingest")) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(module)) {
				Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
				for (Method method : type.getDeclaredMethods()) {
					if (method.isAnnotationPresent(Scheduled.class)) {
						scheduled.add(method);
					}
				}
			}
		}
		assertThat(scheduled).extracting(Method::getName)
			.contains("refresh", "closeEndedMonths", "ensurePartitions", "dropExpiredPings");
		Set<String> names = new HashSet<>();
		for (Method method : scheduled) {
			SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
			assertThat(lock).as(method.toString()).isNotNull();
			assertThat(names.add(lock.name())).as("unique lock name of " + method).isTrue();
		}
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
			.param("name", MauCloseJob.LOCK)
			.param("by", lockedBy)
			.update();
	}

	private long finalReports() {
		return this.jdbc.sql("select count(*) from mau_reports where product = 'locktest' and final")
			.query(Long.class)
			.single();
	}

}
