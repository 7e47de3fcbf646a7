package dev.checkpoint.errorreports;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.checkpoint.audit.AuditLog;

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

	private final ErrorGroupQueries queries;

	private final AuditLog auditLog;

	private final ErrorReportsProperties properties;

	private final Clock clock;

	ErrorGroupService(ErrorGroupRepository groups, ErrorReportRepository reports, ErrorGroupQueries queries,
			AuditLog auditLog, ErrorReportsProperties properties, Clock clock) {
		this.groups = groups;
		this.reports = reports;
		this.queries = queries;
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

	@Transactional(readOnly = true)
	ErrorReportResponse report(UUID id) {
		return ErrorReportResponse.of(this.reports.require(id));
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
