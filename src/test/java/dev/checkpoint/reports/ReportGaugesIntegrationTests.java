package dev.checkpoint.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.reports.PingFixtures.TestPing;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus gauges hold the stored figures, labelled by product and live notice
 * only: a retired notice loses its series, and a figure under the privacy threshold is
 * NaN.
 */
@CheckpointIntegrationTest
class ReportGaugesIntegrationTests {

	private static final String PRODUCT = "gauges-test";

	@Autowired
	ReportGauges gauges;

	@Autowired
	DailyCalculator daily;

	@Autowired
	MauCalculator mau;

	@Autowired
	PrometheusMeterRegistry prometheus;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@BeforeEach
	void createProduct() {
		PingFixtures.truncateAll(this.jdbc);
		PingFixtures.createProduct(this.jdbc, PRODUCT);
	}

	@AfterEach
	void deleteProduct() {
		PingFixtures.deleteProduct(this.jdbc, PRODUCT);
	}

	@Test
	void shouldExposeTheStoredFiguresPerProductAndLiveNoticeAsTheGrafanaDashboardAsks() throws IOException {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		LocalDate day = today.withDayOfMonth(1);
		Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
		int affecting = notice("<2.0.0", start);
		int rare = notice("<1.0.0", start);
		List<TestPing> pings = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			pings.add(new TestPing(start.plusSeconds(60 + i), PRODUCT, (i < 6) ? "1.5.0" : "0.9.0", "linux", "x64",
					UUID.randomUUID(), false, "v20.11.0", null));
		}
		PingFixtures.storeOnTime(this.jdbcTemplate, pings);
		this.daily.compute(day);
		this.mau.compute(YearMonth.from(today), false);

		this.gauges.refresh();

		String scrape = this.prometheus.scrape();
		assertThat(scrape).contains("checkpoint_reports_monthly_developers{product=\"" + PRODUCT + "\"} 7.0")
			.contains("checkpoint_reports_daily_developers{product=\"" + PRODUCT + "\"} 7.0")
			.contains("checkpoint_reports_weekly_developers{product=\"" + PRODUCT + "\"} 7.0")
			.contains("checkpoint_reports_notice_exposed_developers{notice=\"" + affecting + "\",product=\"" + PRODUCT
					+ "\"} 7.0")
			.contains("checkpoint_reports_notice_exposed_developers{notice=\"" + rare + "\",product=\"" + PRODUCT
					+ "\"} NaN")
			.contains("checkpoint_reports_notice_shown_developers{notice=\"" + affecting + "\",product=\"" + PRODUCT
					+ "\"} 0.0");

		Matcher asked = Pattern.compile("checkpoint_reports_[a-z_]+")
			.matcher(Files.readString(Path.of("monitoring/grafana/dashboards/checkpoint.json")));
		List<String> names = asked.results().map(MatchResult::group).distinct().toList();
		assertThat(names).as("the Grafana dashboard's series").hasSize(6);
		names.forEach((name) -> assertThat(scrape).as(name).contains("\n" + name + "{"));

		this.jdbc.sql("update notices set retired_at = now() where id = ?").param(rare).update();
		this.gauges.refresh();

		assertThat(this.prometheus.scrape()).doesNotContain("notice=\"" + rare + "\"")
			.contains("notice=\"" + affecting + "\"");
	}

	private int notice(String range, Instant created) {
		return PingFixtures.notice(this.jdbc, PRODUCT, range, null, created, null);
	}

}
