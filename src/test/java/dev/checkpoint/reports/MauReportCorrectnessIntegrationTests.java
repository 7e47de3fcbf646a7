package dev.checkpoint.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.reports.PingFixtures.TestPing;
import dev.checkpoint.shared.Platforms;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stored figure equals an independent count over the raw pings: pings of several
 * products and months, with repeated and retried pings, CI and non-CI, anonymous pings,
 * mixed-case os/arch spellings and pings on the last millisecond and first instant of a
 * month, written through ingest's own statement.
 */
@CheckpointIntegrationTest
class MauReportCorrectnessIntegrationTests {

	@Autowired
	MauCalculator calculator;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/**
	 * Months after the current one: no job ever touches them (the refresh job takes the
	 * current month, closing and retention only past ones), whatever today is.
	 */
	private List<YearMonth> months = List.of();

	@BeforeEach
	void cleanAndCreatePartitions() {
		PingFixtures.truncateAll(this.jdbc);
		YearMonth next = YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).plusMonths(1);
		this.months = List.of(next, next.plusMonths(1), next.plusMonths(2));
		this.months.forEach((month) -> PingFixtures.createPartition(this.jdbcTemplate, month));
		PingFixtures.createPartition(this.jdbcTemplate, next.plusMonths(3));
	}

	@Test
	void shouldStoreFiguresEqualToRawCountsWhenComputingEveryMonth() {
		List<TestPing> pings = generate(new Random(42));
		for (int i = 0; i < pings.size(); i += 250) {
			PingFixtures.store(this.jdbcTemplate, pings.subList(i, Math.min(i + 250, pings.size())));
		}
		for (YearMonth month : this.months) {
			this.calculator.compute(month, month.equals(this.months.get(0)));
		}
		for (YearMonth month : this.months) {
			assertThat(storedHeadlines(month)).as("headline figures of %s", month).isEqualTo(rawHeadlines(month));
			assertThat(storedBreakdowns(month)).as("breakdowns of %s", month).isEqualTo(rawBreakdowns(month));
		}
		assertThat(this.jdbc.sql("""
				select bool_or(developers_excluding_ci < developers) and bool_or(returning_developers < developers)
				  and bool_or(returning_developers > 0) and bool_or(anonymous_pings > 0) and bool_or(developers = 0)
				from mau_reports""").query(Boolean.class).single()).as("the data exercises every figure").isTrue();
		assertThat(this.jdbc.sql("select sum(hits) from pings").query(Long.class).single())
			.as("retried client_event_ids are counted once")
			.isEqualTo(pings.size() - 1);
		assertThat(finals()).containsExactlyInAnyOrder("alpha " + this.months.get(0), "beta " + this.months.get(0),
				"gamma " + this.months.get(0));
	}

	@Test
	void shouldCountBoundaryPingsInTheirOwnUtcMonth() {
		YearMonth first = this.months.get(0);
		UUID signature = UUID.randomUUID();
		Instant lastMillisecond = first.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
		Instant nextMonth = lastMillisecond.plusMillis(1);
		PingFixtures.store(this.jdbcTemplate,
				List.of(TestPing.of(lastMillisecond, "alpha", signature, false),
						TestPing.of(first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), "alpha", signature, true),
						TestPing.of(nextMonth, "alpha", signature, true), TestPing.of(nextMonth, "alpha", null, null)));
		this.calculator.compute(first, false);
		this.calculator.compute(first.plusMonths(1), false);

		assertThat(storedHeadlines(first)).containsExactly(Map.entry("alpha", List.of(1L, 1L, 1L, 0L)));
		assertThat(storedHeadlines(first.plusMonths(1))).containsExactly(Map.entry("alpha", List.of(1L, 0L, 0L, 1L)));
	}

	@Test
	void shouldNeverRecomputeFinalReportWhenPingsChangeLater() {
		YearMonth month = this.months.get(0);
		Instant day = month.atDay(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
		PingFixtures.store(this.jdbcTemplate, List.of(TestPing.of(day, "alpha", UUID.randomUUID(), false)));
		assertThat(this.calculator.compute(month, true)).containsExactly("alpha");
		PingFixtures.store(this.jdbcTemplate, List.of(TestPing.of(day, "alpha", UUID.randomUUID(), false),
				TestPing.of(day, "beta", UUID.randomUUID(), false)));

		assertThat(this.calculator.compute(month, false)).containsExactly("beta");
		assertThat(storedHeadlines(month)).containsEntry("alpha", List.of(1L, 1L, 0L, 0L))
			.containsEntry("beta", List.of(1L, 1L, 0L, 0L));
		assertThat(finals()).containsExactly("alpha " + month);
	}

	private List<TestPing> generate(Random random) {
		List<UUID> signatures = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			signatures.add(UUID.randomUUID());
		}
		UUID ciOnly = signatures.get(0);
		List<String> versions = List.of("1.0.0", "1.1.0", "2.0.0-beta.1", "", "=cmd|'/c calc'!A1", "1,2");
		List<String> oses = List.of("linux", "darwin", "win32", "Windows_NT", " macos ", "", "freebsd");
		List<String> arches = List.of("x64", "amd64", "arm64", "AArch64", "ia32", "x86_64", "");
		List<@Nullable String> nodes = new ArrayList<>(List.of("v20.11.0", "v18.19.0", ""));
		nodes.add(null);
		List<TestPing> pings = new ArrayList<>();
		int event = 0;
		for (YearMonth month : this.months) {
			Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
			Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
			long seconds = Duration.between(start, end).toSeconds();
			for (int i = 0; i < 600; i++) {
				String product = (i % 10 == 0) ? "gamma" : (random.nextBoolean() ? "alpha" : "beta");
				UUID signature = (product.equals("gamma") || random.nextInt(7) == 0) ? null
						: signatures.get(random.nextInt(random.nextBoolean() ? 8 : signatures.size()));
				Instant at = switch (i % 50) {
					case 1 -> end.minusMillis(1);
					case 2 -> start;
					default -> start.plusSeconds(random.nextLong(seconds)).plusMillis(random.nextInt(1000));
				};
				Boolean ci = ciOnly.equals(signature) ? Boolean.TRUE
						: List.of(Boolean.TRUE, Boolean.FALSE, Boolean.FALSE).get(random.nextInt(3));
				if (random.nextInt(6) == 0 && !ciOnly.equals(signature)) {
					ci = null;
				}
				String clientEventId = (random.nextInt(4) == 0) ? null : "event-" + (event++);
				pings.add(new TestPing(at, product, pick(random, versions), pick(random, oses), pick(random, arches),
						signature, ci, nodes.get(random.nextInt(nodes.size())), clientEventId));
			}
		}
		// a retried ping (same signature, time and client_event_id) folds into its row
		// and
		// counts once
		TestPing retried = pings.stream()
			.filter((p) -> p.clientEventId() != null && p.signature() != null)
			.findFirst()
			.orElseThrow();
		pings.add(retried);
		return pings;
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** product → [developers, excluding CI, returning, anonymous pings] as stored. */
	private Map<String, List<Long>> storedHeadlines(YearMonth month) {
		Map<String, List<Long>> figures = new HashMap<>();
		this.jdbc.sql("""
				select product, developers, developers_excluding_ci, returning_developers, anonymous_pings
				from mau_reports where month = ?""").param(month.atDay(1)).query((rs, row) -> {
			figures.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
			return row;
		}).list();
		return figures;
	}

	/** The same figures counted from the raw pings, without the rollup tables. */
	private Map<String, List<Long>> rawHeadlines(YearMonth month) {
		Map<String, List<Long>> figures = new HashMap<>();
		this.jdbc
			.sql("""
					select p.product, count(distinct p.signature), count(distinct p.signature) filter (where p.ci is not true),
					  coalesce(max(r.returning), 0), coalesce(sum(p.hits) filter (where p.signature is null), 0)
					from ping_details p left join (
					  select product, count(*) as returning from (
					    select product, signature from ping_details
					    where received_at >= :from and received_at < :to and signature is not null
					    group by product, signature
					    having count(distinct (received_at at time zone 'UTC')::date) >= 2) as s
					  group by product) as r on r.product = p.product
					where p.received_at >= :from and p.received_at < :to
					group by p.product""")
			.param("from", start(month))
			.param("to", start(month.plusMonths(1)))
			.query((rs, row) -> {
				figures.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
				return row;
			})
			.list();
		return figures;
	}

	private Set<List<Object>> storedBreakdowns(YearMonth month) {
		return new HashSet<>(
				this.jdbc.sql("select product, dimension, value, developers, pings from mau_breakdowns where month = ?")
					.param(month.atDay(1))
					.query((rs, row) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getLong(4), rs.getLong(5)))
					.list());
	}

	/**
	 * Breakdowns counted in Java from the month's raw ping rows, normalising os and arch
	 * with {@link Platforms} in Java (the service does it in the SQL Platforms
	 * generates).
	 */
	private Set<List<Object>> rawBreakdowns(YearMonth month) {
		Map<List<String>, Set<UUID>> developers = new HashMap<>();
		Map<List<String>, Long> pings = new HashMap<>();
		this.jdbc.sql("""
				select product, version, os, arch, node_version, ci, signature, hits from ping_details
				where received_at >= ? and received_at < ?""")
			.params(start(month), start(month.plusMonths(1)))
			.query((rs, row) -> {
				String product = rs.getString(1);
				Boolean ci = (Boolean) rs.getObject(6);
				UUID signature = rs.getObject(7, UUID.class);
				long hits = rs.getLong(8);
				Map<String, String> values = Map.of("version", orUnknown(rs.getString(2)), "os",
						orUnknown(Platforms.os(rs.getString(3))), "arch", orUnknown(Platforms.arch(rs.getString(4))),
						"node_version", orUnknown(rs.getString(5)), "ci", (ci != null) ? ci.toString() : "unknown");
				values.forEach((dimension, value) -> {
					List<String> key = List.of(product, dimension, value);
					pings.merge(key, hits, Long::sum);
					Set<UUID> seen = developers.computeIfAbsent(key, (k) -> new HashSet<>());
					if (signature != null) {
						seen.add(signature);
					}
				});
				return row;
			})
			.list();
		Set<List<Object>> rows = new HashSet<>();
		pings.forEach((key, count) -> rows
			.add(List.of(key.get(0), key.get(1), key.get(2), (long) developers.get(key).size(), count)));
		return rows;
	}

	private static String orUnknown(@Nullable String value) {
		return (value == null || value.isEmpty()) ? "unknown" : value;
	}

	private List<String> finals() {
		return this.jdbc.sql("select product || ' ' || to_char(month, 'YYYY-MM') from mau_reports where final")
			.query(String.class)
			.list();
	}

	private static OffsetDateTime start(YearMonth month) {
		return month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
	}

}
