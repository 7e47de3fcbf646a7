package dev.checkpoint.errorreports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.checkpoint.shared.StoredText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files kept with crash reports: redacted text, filtered by
 * {@code checkpoint.error-reports.attachments}, in the order they arrived.
 */
@Component
class ErrorReportAttachments {

	static final int NAME_CHARS = 255;

	private final JdbcClient jdbc;

	private final ErrorReportsProperties properties;

	ErrorReportAttachments(JdbcClient jdbc, ErrorReportsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Replaces the report's files with those of {@code attachments} that the setting
	 * keeps, each redacted.
	 * @return how many were kept
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int replace(UUID reportId, List<Attachment> attachments) {
		this.jdbc.sql("delete from error_report_attachments where report_id = ?").param(reportId).update();
		List<Attachment> kept = attachments.stream().filter(this::kept).toList();
		for (int position = 0; position < kept.size(); position++) {
			Attachment attachment = kept.get(position);
			this.jdbc.sql("""
					insert into error_report_attachments (report_id, position, name, content, original_size)
					values (?, ?, ?, ?, ?)""")
				.params(reportId, position, StoredText.truncate(attachment.name(), NAME_CHARS),
						SecretRedactor.redact(attachment.content()), attachment.originalSize())
				.update();
		}
		return kept.size();
	}

	List<AttachmentView> list(UUID reportId) {
		return this.jdbc.sql("""
				select position, name, octet_length(content) as size, original_size from error_report_attachments
				where report_id = ? order by position""")
			.param(reportId)
			.query((rs, row) -> new AttachmentView(rs.getInt("position"), rs.getString("name"), rs.getLong("size"),
					rs.getLong("original_size")))
			.list();
	}

	Optional<Attachment> find(UUID reportId, int position) {
		return this.jdbc.sql(
				"select name, content, original_size from error_report_attachments where report_id = ? and position = ?")
			.params(reportId, position)
			.query((rs, row) -> new Attachment(Objects.requireNonNull(rs.getString("name")),
					Objects.requireNonNull(rs.getString("content")), rs.getLong("original_size")))
			.optional();
	}

	private boolean kept(Attachment attachment) {
		return switch (this.properties.attachments()) {
			case KEEP -> true;
			case SCHEMA_ONLY -> attachment.isSchema();
			case NONE -> false;
		};
	}

	/**
	 * One file of a report as operators see it listed.
	 *
	 * @param position its index, which names it in the URL
	 * @param size bytes stored (redacted)
	 * @param originalSize bytes as sent
	 */
	record AttachmentView(int position, String name, long size, long originalSize) {
	}

}
