package dev.checkpoint.errorreports;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One report in a group's list: enough to pick it, without its text.
 */
record ErrorReportSummaryResponse(UUID id, long number, Instant receivedAt, String version, @Nullable String os,
		@Nullable String arch, @Nullable String nodeVersion, String consent) {
}
