package dev.checkpoint.errorreports;

import java.time.Instant;

/**
 * A product that has crash reports: its open groups, their reports and the newest one.
 */
record ErrorProductResponse(String product, long openGroups, long openReports, long groups, Instant lastSeen) {
}
