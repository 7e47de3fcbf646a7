package dev.checkpoint.reports;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Published in the daily job's transaction for each notice live on the day it computed,
 * for listeners that tell people (webhooks).
 *
 * @param noticeId the notice
 * @param product its product
 * @param message its text
 * @param createdAt when it was created
 * @param day the day computed
 * @param exposed developers active that day on a version it applies to
 * @param exposedDayBefore the same the day before, or null when that day has no figure
 */
public record NoticeExposureComputed(int noticeId, String product, String message, Instant createdAt, LocalDate day,
		long exposed, @Nullable Long exposedDayBefore) {
}
