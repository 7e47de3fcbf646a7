package dev.checkpoint.errorreports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention with a pinned clock: reports received before now − 90 days are deleted, and
 * so are the groups they leave empty.
 */
@CheckpointIntegrationTest
@Import(ErrorReportRetentionIntegrationTests.PinnedClock.class)
class ErrorReportRetentionIntegrationTests {

	static final Instant NOW = Instant.parse("2026-06-01T03:30:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ErrorReportService service;

	ErrorReportsApi api;

	@BeforeEach
	void cleanUp() {
		this.api = new ErrorReportsApi(this.mvc, this.jdbc, this.json);
		this.api.clean();
	}

	@Test
	void shouldDeleteExpiredReportsAndEmptiedGroupsWhenRetentionRuns() {
		UUID expiredAlone = this.api.store(crash("gone"));
		UUID expiredShared = this.api.store(crash("kept"));
		UUID recentShared = this.api.store(crash("kept"));
		UUID justInside = this.api.store(crash("inside"));
		receivedAt(expiredAlone, NOW.minus(Duration.ofDays(91)));
		receivedAt(expiredShared, NOW.minus(Duration.ofDays(90)).minusSeconds(1));
		receivedAt(recentShared, NOW.minus(Duration.ofDays(3)));
		receivedAt(justInside, NOW.minus(Duration.ofDays(90)).plusSeconds(1));
		UUID keptGroup = this.api.groupOf(recentShared);

		ErrorReportService.Purged purged = this.service.purgeExpired();

		assertThat(purged).isEqualTo(new ErrorReportService.Purged(2, 1));
		assertThat(this.jdbc.sql("select id from error_reports order by received_at").query(UUID.class).list())
			.containsExactly(justInside, recentShared);
		assertThat(this.jdbc.sql("select title from error_groups order by title").query(String.class).list())
			.containsExactly("inside failure", "kept failure");
		assertThat(this.jdbc.sql("select report_count from error_groups where id = ?")
			.param(keptGroup)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.service.purgeExpired()).isEqualTo(new ErrorReportService.Purged(0, 0));
	}

	@Test
	void shouldStampReportsWithInjectedClockWhenReceiving() {
		UUID id = this.api.store(crash("stamped"));
		assertThat(this.jdbc.sql("select received_at from error_reports where id = ?")
			.param(id)
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(NOW);
	}

	private ObjectNode crash(String name) {
		ObjectNode report = this.api.report();
		report.put("error_message", name + " failure");
		return report;
	}

	private void receivedAt(UUID report, Instant instant) {
		this.jdbc.sql("update error_reports set received_at = ? where id = ?")
			.params(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), report)
			.update();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class PinnedClock {

		@Bean
		@Primary
		Clock pinnedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
