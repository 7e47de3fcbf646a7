package dev.checkpoint.errorreports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import dev.checkpoint.shared.Signatures;
import dev.checkpoint.shared.StoredText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores crash reports (redacted, truncated, grouped) and deletes them after the
 * retention.
 */
@Service
class ErrorReportService {

	static final int MESSAGE_BYTES = 4 * 1024;

	static final int STACK_TRACE_BYTES = 32 * 1024;

	static final int COMMAND_BYTES = 4 * 1024;

	static final int SHORT_CHARS = 128;

	static final int TITLE_CHARS = 200;

	private static final Logger log = LoggerFactory.getLogger(ErrorReportService.class);

	private final ErrorReportRepository reports;

	private final JdbcClient jdbc;

	private final ErrorReportAttachments attachments;

	private final ErrorReportsProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ErrorReportService(ErrorReportRepository reports, JdbcClient jdbc, ErrorReportAttachments attachments,
			ErrorReportsProperties properties, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.reports = reports;
		this.jdbc = jdbc;
		this.attachments = attachments;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Stores one consented report, its attachments and counts it in its group. A report
	 * of a resolved group re-opens the group: the bug came back (regression).
	 * @return the report's id and number
	 */
	@Transactional
	StoredReport receive(CrashReport crash) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String message = Objects
			.requireNonNull(StoredText.truncateUtf8(SecretRedactor.redact(crash.message()), MESSAGE_BYTES));
		String stackTrace = longText(crash.stackTrace());
		PrismaDetails prisma = redacted(crash.prisma());
		String groupingTrace = (prisma != null && prisma.rustStackTrace() != null) ? prisma.rustStackTrace()
				: stackTrace;
		Group group = upsertGroup(crash.product(), Fingerprints.of(message, groupingTrace), title(message), now);
		UUID groupId = group.id();
		if (group.created()) {
			this.events.publishEvent(new ErrorGroupCreated(crash.product(), groupId, title(message)));
		}
		ErrorReport report = new ErrorReport(groupId, now, crash.product(), crash.consent());
		report.setVersion(Objects.requireNonNull(shortText(crash.version())));
		report.setOs(shortText(crash.os()));
		report.setArch(shortText(crash.arch()));
		report.setNodeVersion(shortText(crash.nodeVersion()));
		report.setSignature(Signatures.toUuid(crash.signature()));
		report.setCommand(StoredText.truncateUtf8(redacted(crash.command()), COMMAND_BYTES));
		report.setMessage(message);
		report.setStackTrace(stackTrace);
		report.setPrisma(prisma);
		ErrorReport saved = this.reports.saveAndFlush(report);
		this.attachments.replace(saved.getId(), crash.attachments());
		if (!group.created()) {
			this.jdbc.sql("""
					select count(*) filter (where received_at > :hour) as last_hour,
					  count(*) filter (where received_at <= :hour) as week_before
					from error_reports where group_id = :group and received_at > :week""")
				.param("group", groupId)
				.param("hour", OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC))
				.param("week", OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1 + 7 * 24)), ZoneOffset.UTC))
				.query((rs) -> {
					this.events.publishEvent(new ErrorGroupActivity(crash.product(), groupId, title(message), now,
							rs.getLong("last_hour"), rs.getLong("week_before")));
				});
		}
		return new StoredReport(saved.getId(), saved.getNumber());
	}

	/**
	 * Deletes the reports older than the retention, then the groups left without reports.
	 */
	@Transactional
	Purged purgeExpired() {
		OffsetDateTime cutoff = OffsetDateTime.ofInstant(this.clock.instant().minus(this.properties.retention()),
				ZoneOffset.UTC);
		long deletedReports = this.jdbc.sql("""
				with deleted as (delete from error_reports where received_at < :cutoff returning group_id),
				counts as (select group_id, count(*) as n from deleted group by group_id),
				updated as (update error_groups g set report_count = g.report_count - c.n
				            from counts c where g.id = c.group_id returning g.id)
				select coalesce(sum(n), 0) from counts""").param("cutoff", cutoff).query(Long.class).single();
		int deletedGroups = this.jdbc.sql("delete from error_groups where report_count <= 0").update();
		if (deletedReports > 0 || deletedGroups > 0) {
			log.info("Deleted {} error reports received before {} and {} emptied groups", deletedReports, cutoff,
					deletedGroups);
		}
		return new Purged(deletedReports, deletedGroups);
	}

	/**
	 * One statement, so concurrent reports of a new bug make one group: the unique
	 * (product, fingerprint) key turns the second insert into an update.
	 */
	private Group upsertGroup(String product, String fingerprint, String title, Instant now) {
		return this.jdbc.sql("""
				insert into error_groups (product, fingerprint, title, first_seen, last_seen, report_count)
				values (:product, :fingerprint, :title, :now, :now, 1)
				on conflict (product, fingerprint) do update
				set report_count = error_groups.report_count + 1,
				    last_seen = greatest(error_groups.last_seen, excluded.last_seen),
				    resolved_at = null,
				    resolved_by = null
				returning id, xmax = 0 as created""")
			.param("product", product)
			.param("fingerprint", fingerprint)
			.param("title", title)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.query((rs, row) -> new Group(rs.getObject("id", UUID.class), rs.getBoolean("created")))
			.single();
	}

	/** A group and whether this report created it. */
	private record Group(UUID id, boolean created) {
	}

	private static @Nullable PrismaDetails redacted(@Nullable PrismaDetails prisma) {
		if (prisma == null) {
			return null;
		}
		return new PrismaDetails(shortText(prisma.area()), shortText(prisma.kind()), shortText(prisma.binaryVersion()),
				shortText(prisma.platform()), shortText(redacted(prisma.operatingSystem())),
				longText(prisma.rustStackTrace()), shortText(redacted(prisma.dbVersion())),
				longText(prisma.liftRequest()), longText(prisma.sqlDump()));
	}

	private static @Nullable String longText(@Nullable String text) {
		return StoredText.truncateUtf8(redacted(text), STACK_TRACE_BYTES);
	}

	private static @Nullable String redacted(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : SecretRedactor.redact(text);
	}

	private static @Nullable String shortText(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : StoredText.truncate(text.strip(), SHORT_CHARS);
	}

	/** The first non-blank line of the (redacted) message. */
	private static String title(String message) {
		return message.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.findFirst()
			.map((line) -> Objects.requireNonNull(StoredText.truncate(line, TITLE_CHARS)))
			.orElse("(no message)");
	}

	/** A stored report: its id, and the number users quote. */
	record StoredReport(UUID id, long number) {
	}

	/** What one retention run deleted. */
	record Purged(long reports, long groups) {
	}

}
