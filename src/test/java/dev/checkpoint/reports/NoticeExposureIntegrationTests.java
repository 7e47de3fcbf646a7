package dev.checkpoint.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.privacy.SignatureEraser;
import dev.checkpoint.reports.PingFixtures.TestPing;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notice exposure as the daily job stores it: who was active on an affected version (and
 * os), who of them had been sent the notice by the day's end, who has moved on to an
 * unaffected version, only on the days a notice was live; recomputing a day changes none
 * of it, and an erasure removes the developer.
 */
@CheckpointIntegrationTest
class NoticeExposureIntegrationTests {

	private static final String PRODUCT = "exposure-test";

	@Autowired
	DailyCalculator calculator;

	@Autowired
	NoticeExposureService service;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<SignatureEraser> erasers;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	private YearMonth month;

	private final List<UUID> affected = new ArrayList<>();

	private final UUID unaffected = UUID.randomUUID();

	private final UUID newcomer = UUID.randomUUID();

	private final UUID windows = UUID.randomUUID();

	@BeforeEach
	void createProductAndPings() {
		PingFixtures.truncateAll(this.jdbc);
		this.month = YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).plusMonths(2);
		PingFixtures.createPartition(this.jdbcTemplate, this.month);
		PingFixtures.createProduct(this.jdbc, PRODUCT);
		for (int i = 0; i < 6; i++) {
			this.affected.add(UUID.randomUUID());
		}
	}

	@AfterEach
	void deleteProduct() {
		PingFixtures.deleteProduct(this.jdbc, PRODUCT);
	}

	@Test
	void shouldCountExposedShownAndMovedDevelopersPerDay() {
		int notice = notice("<2.0.0", null, at(1, 0), null);
		int windowsOnly = notice("*", "windows", at(1, 0), null);
		int later = notice("<2.0.0", null, at(2, 12), null);
		int retired = notice("<2.0.0", null, at(1, 0), at(1, 23));
		List<TestPing> pings = new ArrayList<>();
		for (UUID signature : this.affected) {
			pings.add(ping(at(1, 8), signature, "1.0.0", "linux"));
		}
		pings.add(ping(at(1, 9), this.unaffected, "2.0.0", "linux"));
		pings.add(ping(at(1, 9), this.windows, "2.1.0", "windows"));
		// day 2: two move on, one moves on within the day, one goes back, one is away
		pings.add(ping(at(2, 8), this.affected.get(0), "2.0.0", "linux"));
		pings.add(ping(at(2, 8), this.affected.get(1), "2.0.0", "darwin"));
		pings.add(ping(at(2, 0), this.affected.get(2), "1.0.0", "linux"));
		pings.add(ping(at(2, 13), this.affected.get(2), "2.0.0", "linux"));
		pings.add(ping(at(2, 0), this.affected.get(3), "2.0.0", "linux"));
		pings.add(ping(at(2, 13), this.affected.get(3), "1.9.9", "linux"));
		pings.add(ping(at(2, 9), this.newcomer, "2.0.0", "linux"));
		PingFixtures.storeOnTime(this.jdbcTemplate, pings);
		deliver(notice, this.affected.get(0), at(1, 10));
		deliver(notice, this.affected.get(1), at(1, 10));
		deliver(notice, this.affected.get(2), at(1, 10));
		deliver(notice, this.affected.get(3), at(2, 10));

		this.calculator.compute(day(1));
		this.calculator.compute(day(2));

		assertThat(stored(notice)).containsExactly(Map.entry(day(1), List.of(6L, 3L, 0L)),
				Map.entry(day(2), List.of(2L, 2L, 3L)));
		assertThat(stored(windowsOnly)).containsExactly(Map.entry(day(1), List.of(1L, 0L, 0L)),
				Map.entry(day(2), List.of(0L, 0L, 0L)));
		assertThat(stored(later)).as("only from the day it was created")
			.containsExactly(Map.entry(day(2), List.of(2L, 0L, 1L)));
		assertThat(stored(retired)).as("only until it was retired")
			.containsExactly(Map.entry(day(1), List.of(6L, 0L, 0L)));

		this.calculator.compute(day(1));
		this.calculator.compute(day(2));

		assertThat(stored(notice)).as("computed again")
			.containsExactly(Map.entry(day(1), List.of(6L, 3L, 0L)), Map.entry(day(2), List.of(2L, 2L, 3L)));
	}

	@Test
	void shouldListLiveNoticesByExposureWithTheWeekBeforeAndFoldSmallFigures() {
		int small = notice("<1.0.0", null, at(1, 0), null);
		int large = notice("<2.0.0", null, at(1, 0), null);
		notice("<2.0.0", null, at(1, 0), at(1, 1));
		List<TestPing> pings = new ArrayList<>();
		for (int day : new int[] { 1, 8 }) {
			for (UUID signature : this.affected) {
				pings.add(ping(at(day, 8), signature, "1.0.0", "linux"));
			}
			pings.add(ping(at(day, 9), this.unaffected, "0.9.0", "linux"));
		}
		PingFixtures.storeOnTime(this.jdbcTemplate, pings);
		for (int day = 1; day <= 8; day++) {
			this.calculator.compute(day(day));
		}

		NoticeExposureListResponse list = this.service.live(PRODUCT);

		assertThat(list.notices()).extracting((entry) -> entry.notice().id()).containsExactly(large, small);
		NoticeExposureListResponse.Entry first = list.notices().get(0);
		assertThat(first.latest()).isEqualTo(new NoticeExposureResponse.ExposureDay(day(8), 7L, 0L, 0L));
		assertThat(first.weekBefore()).isEqualTo(new NoticeExposureResponse.ExposureDay(day(1), 7L, 0L, 0L));
		assertThat(list.notices().get(1).latest()).as("one developer is under checkpoint.reports.min-cell-size")
			.isEqualTo(new NoticeExposureResponse.ExposureDay(day(8), null, 0L, 0L));
		assertThat(this.service.days(large, day(1), day(3)).orElseThrow().days())
			.extracting(NoticeExposureResponse.ExposureDay::exposed)
			.containsExactly(7L, 0L, 0L);
		assertThat(this.service.days(Integer.MAX_VALUE, day(1), day(3))).isEmpty();
	}

	@Test
	void shouldForgetAnErasedDeveloper() {
		int notice = notice("<2.0.0", null, at(1, 0), null);
		UUID erased = this.affected.get(0);
		PingFixtures.storeOnTime(this.jdbcTemplate, List.of(ping(at(1, 8), erased, "1.0.0", "linux"),
				ping(at(1, 8), this.affected.get(1), "1.0.0", "linux")));
		this.calculator.compute(day(1));
		assertThat(this.jdbc.sql("select count(*) from month_value_developers where signature = ?")
			.param(erased)
			.query(Long.class)
			.single()).isOne();

		this.transactions.executeWithoutResult((status) -> this.erasers.forEach((eraser) -> eraser.erase(erased)));

		assertThat(this.jdbc.sql("select count(*) from notice_exposed_developers where signature = ? and notice_id = ?")
			.param(erased)
			.param(notice)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from month_value_developers where signature = ?")
			.param(erased)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select month from month_rebuilds").query(LocalDate.class).list())
			.containsExactly(this.month.atDay(1));
		this.calculator.compute(day(1));
		assertThat(stored(notice)).containsExactly(Map.entry(day(1), List.of(1L, 0L, 0L)));
	}

	private int notice(String range, @Nullable String os, Instant created, @Nullable Instant retired) {
		return PingFixtures.notice(this.jdbc, PRODUCT, range, os, created, retired);
	}

	private void deliver(int notice, UUID signature, Instant at) {
		this.jdbc.sql("insert into notice_deliveries (notice_id, signature, delivered_at) values (?, ?, ?)")
			.params(notice, signature, Timestamp.from(at))
			.update();
	}

	/** day → [exposed, shown, moved] as stored. */
	private Map<LocalDate, List<Long>> stored(int notice) {
		Map<LocalDate, List<Long>> days = new TreeMap<>();
		this.jdbc.sql("select day, exposed, shown, moved from notice_exposure_days where notice_id = ?")
			.param(notice)
			.query((rs) -> {
				days.put(rs.getObject(1, LocalDate.class), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
			});
		return days;
	}

	private static TestPing ping(Instant at, UUID signature, String version, String os) {
		return new TestPing(at, PRODUCT, version, os, "x64", signature, false, "v20.11.0", null);
	}

	private Instant at(int day, int hour) {
		return day(day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
	}

	private LocalDate day(int day) {
		return this.month.atDay(day);
	}

}
