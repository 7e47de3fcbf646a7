package dev.checkpoint.reports;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the MAU reports. The crons are read by the jobs' {@code @Scheduled}
 * annotations (UTC, Spring's six-field format, {@code -} switches a job off); they are
 * declared here for validation and configuration metadata.
 *
 * @param refreshCron when the current month's report and breakdowns are recomputed
 * @param closeCron when ended months get their final report
 * @param catchUpOnStartup also close ended months without a final report at start-up
 * @param computeWorkMem PostgreSQL {@code work_mem} of the transaction that computes a
 * month, so that grouping the month's pings can stay in memory
 */
@ConfigurationProperties("checkpoint.reports")
@Validated
record ReportsProperties(@DefaultValue(ReportsProperties.REFRESH_CRON) @NotBlank String refreshCron,
		@DefaultValue(ReportsProperties.CLOSE_CRON) @NotBlank String closeCron,
		@DefaultValue("true") boolean catchUpOnStartup, @DefaultValue("64MB") DataSize computeWorkMem) {

	/** Every ten minutes. */
	static final String REFRESH_CRON = "0 */10 * * * *";

	/** Daily at 00:05 UTC, once the last pings of the previous day are committed. */
	static final String CLOSE_CRON = "0 5 0 * * *";

}
