package dev.checkpoint.errorreports;

import java.util.List;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code checkpoint.error-reports.attachments}: which of a report's files are kept.
 */
class ErrorReportAttachmentPolicyTests {

	private static final List<Attachment> SENT = List.of(
			new Attachment("schema.prisma", "url = \"postgresql://u:policy-secret@db/app\"", 40),
			new Attachment("migration.sql", "create table a (id int);", 24));

	@Nested
	@CheckpointIntegrationTest
	@TestPropertySource(properties = "checkpoint.error-reports.attachments=schema-only")
	class SchemaOnly extends Policy {

		@Test
		void shouldKeepOnlyTheSchemaRedacted() {
			assertThat(keptAfterStoring()).containsExactly("schema.prisma:url = \"postgresql://u:[REDACTED]@db/app\"");
		}

	}

	@Nested
	@CheckpointIntegrationTest
	@TestPropertySource(properties = "checkpoint.error-reports.attachments=none")
	class None extends Policy {

		@Test
		void shouldKeepNoFile() {
			assertThat(keptAfterStoring()).isEmpty();
		}

	}

	abstract static class Policy {

		@Autowired
		ErrorReportService reports;

		@Autowired
		JdbcClient jdbc;

		List<String> keptAfterStoring() {
			ErrorReportsApi.clean(this.jdbc);
			CrashReport crash = new CrashReport("prisma", "5.22.0", Consent.PROMPT, null, null, null, null, null,
					"panic", null, null, SENT);
			ErrorReportService.StoredReport stored = this.reports.receive(crash);
			return this.jdbc.sql(
					"select name || ':' || content from error_report_attachments where report_id = ? order by position")
				.param(stored.id())
				.query(String.class)
				.list();
		}

	}

}
