package dev.checkpoint.errorreports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One full crash report, with its redacted text, the Prisma CLI's own fields (none for
 * reports of the generic route) and its attachments, whose text is at
 * {@code /api/error-reports/reports/{id}/attachments/{position}}.
 *
 * @param number what the user quotes (the Prisma CLI prints it)
 * @param consent {@code explicit} or {@code prompt}
 * @param completedAt when the Prisma CLI completed the report (null when it never did, or
 * for the generic route)
 */
record ErrorReportResponse(UUID id, long number, UUID groupId, String product, Instant receivedAt, String version,
		String consent, @Nullable String os, @Nullable String arch, @Nullable String nodeVersion,
		@Nullable UUID signature, @Nullable String command, String message, @Nullable String stackTrace,
		@Nullable PrismaDetails prisma, List<ErrorReportAttachments.AttachmentView> attachments,
		@Nullable Instant completedAt) {

	static ErrorReportResponse of(ErrorReport report, List<ErrorReportAttachments.AttachmentView> attachments) {
		return new ErrorReportResponse(report.getId(), report.getNumber(), report.getGroupId(), report.getProduct(),
				report.getReceivedAt(), report.getVersion(), report.getConsent().text(), report.getOs(),
				report.getArch(), report.getNodeVersion(), report.getSignature(), report.getCommand(),
				report.getMessage(), report.getStackTrace(), report.getPrisma(), attachments, report.getCompletedAt());
	}

}
