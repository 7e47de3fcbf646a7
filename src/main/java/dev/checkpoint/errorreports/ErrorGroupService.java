package dev.checkpoint.errorreports;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.checkpoint.audit.AuditLog;
import dev.checkpoint.shared.Problems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators do with crash reports: list groups, read reports, resolve and re-open
 * groups (both recorded in the audit log).
 */
@Service
class ErrorGroupService {

	private final ErrorGroupRepository groups;

	private final ErrorReportRepository reports;

	private static final Pattern NUMBER = Pattern.compile("^[1-9][0-9]{0,17}$");

	private final ErrorGroupQueries queries;

	private final ErrorReportAttachments attachments;

	private final AuditLog auditLog;

	private final ErrorReportsProperties properties;

	private final Clock clock;

	ErrorGroupService(ErrorGroupRepository groups, ErrorReportRepository reports, ErrorGroupQueries queries,
			ErrorReportAttachments attachments, AuditLog auditLog, ErrorReportsProperties properties, Clock clock) {
		this.groups = groups;
		this.reports = reports;
		this.queries = queries;
		this.attachments = attachments;
		this.auditLog = auditLog;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	ErrorGroupPageResponse list(ErrorGroupQueries.GroupFilter filter, int page, int size) {
		return this.queries.groups(filter, page, size);
	}

	@Transactional(readOnly = true)
	List<ErrorProductResponse> products() {
		return this.queries.products();
	}

	@Transactional(readOnly = true)
	ErrorGroupDetailResponse group(UUID id) {
		ErrorGroup group = this.groups.require(id);
		return new ErrorGroupDetailResponse(ErrorGroupResponse.of(group),
				this.queries.recentReports(id, this.properties.recentReports()));
	}

	/** A report by its uuid or by its number. */
	@Transactional(readOnly = true)
	ErrorReportResponse report(String id) {
		ErrorReport report = find(id);
		return ErrorReportResponse.of(report, this.attachments.list(report.getId()));
	}

	/**
	 * One attachment of a report, by its uuid or number and the attachment's position.
	 */
	@Transactional(readOnly = true)
	Attachment attachment(String id, int position) {
		return this.attachments.find(find(id).getId(), position)
			.orElseThrow(() -> Problems.notFound("Attachment not found",
					"Error report " + PathIds.quoted(id) + " has no attachment " + position + "."));
	}

	private ErrorReport find(String id) {
		Optional<ErrorReport> report = NUMBER.matcher(id).matches() ? this.reports.findByNumber(Long.parseLong(id))
				: PathIds.parse(id).flatMap(this.reports::findById);
		return report.orElseThrow(() -> PathIds.reportNotFound(id));
	}

	/** Marks the group fixed; its next report re-opens it. */
	@Transactional
	ErrorGroupResponse resolve(UUID id, String operator) {
		ErrorGroup group = this.groups.require(id);
		if (!group.isResolved()) {
			group.setResolvedAt(this.clock.instant().truncatedTo(ChronoUnit.MICROS));
			group.setResolvedBy(operator);
			this.auditLog.record("error_group.resolved", "error_group", id.toString(), group.auditDetails());
		}
		return ErrorGroupResponse.of(group);
	}

	@Transactional
	ErrorGroupResponse reopen(UUID id) {
		ErrorGroup group = this.groups.require(id);
		if (group.isResolved()) {
			group.setResolvedAt(null);
			group.setResolvedBy(null);
			this.auditLog.record("error_group.reopened", "error_group", id.toString(), group.auditDetails());
		}
		return ErrorGroupResponse.of(group);
	}

}
