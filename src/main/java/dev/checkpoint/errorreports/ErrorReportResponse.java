package dev.checkpoint.errorreports;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One full crash report, with its redacted message, stack trace and command.
 */
record ErrorReportResponse(UUID id, UUID groupId, String product, Instant receivedAt, String version,
		@Nullable String os, @Nullable String arch, @Nullable String nodeVersion, @Nullable UUID signature,
		@Nullable String command, String message, @Nullable String stackTrace) {

	static ErrorReportResponse of(ErrorReport report) {
		return new ErrorReportResponse(report.getId(), report.getGroupId(), report.getProduct(), report.getReceivedAt(),
				report.getVersion(), report.getOs(), report.getArch(), report.getNodeVersion(), report.getSignature(),
				report.getCommand(), report.getMessage(), report.getStackTrace());
	}

}
