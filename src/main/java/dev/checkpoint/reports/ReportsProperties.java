package dev.checkpoint.reports;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the MAU reports. The crons are in UTC, in Spring's six-field format;
 * {@code -} switches a job off.
 *
 * @param refreshCron when the current month's report and breakdowns are recomputed (every
 * ten minutes)
 * @param closeCron when ended months get their final report (daily at 00:05 UTC, once the
 * last pings of the previous day are committed)
 * @param dailyCron when the days that have settled (and the days changed late) get their
 * daily figures (every ten minutes, two minutes past)
 * @param catchUpOnStartup also close ended months without a final report at start-up
 * @param computeWorkMem PostgreSQL {@code work_mem} of the transaction that computes a
 * month, so that grouping the month's pings can stay in memory
 * @param minCellSize breakdown values with fewer developers are shown only folded
 * together into one {@code other} row, in every API, CSV and chart (1 shows every value)
 * @param metricsInterval how often each instance reads the stored reports into its
 * Prometheus gauges (every minute)
 */
@ConfigurationProperties("checkpoint.reports")
@Validated
record ReportsProperties(@DefaultValue("0 */10 * * * *") @NotBlank String refreshCron,
		@DefaultValue("0 5 0 * * *") @NotBlank String closeCron,
		@DefaultValue("0 2/10 * * * *") @NotBlank String dailyCron, @DefaultValue("true") boolean catchUpOnStartup,
		@DefaultValue("64MB") DataSize computeWorkMem, @DefaultValue("5") @Min(1) int minCellSize,
		@DefaultValue("1m") Duration metricsInterval) {
}
