package dev.checkpoint.shared;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on every request, before any route sees it.
 *
 * @param maxBodySize largest request body on any route (pings, run reports, crash
 * reports, admin requests); larger ones answer 413. The one exception is the Prisma CLI's
 * zip upload, which has its own limit ({@code checkpoint.error-reports.upload.max-size})
 * @param bodyReadTimeout how long reading one request body may take in all; a body that
 * has not fully arrived by then answers 408 and its connection is closed (64 KiB in 10 s
 * is 6.4 KiB/s, far below any real client)
 * @param maxConcurrentPerClient most requests of one client address in progress at once;
 * more answer 503 at once and their connection is closed, so that one client cannot hold
 * every worker thread
 */
@ConfigurationProperties("checkpoint.request-limits")
@Validated
public record RequestLimitsProperties(@DefaultValue("64KB") DataSize maxBodySize,
		@DefaultValue("10s") @DurationMin(millis = 100) Duration bodyReadTimeout,
		@DefaultValue("32") @Min(1) int maxConcurrentPerClient) {
}
