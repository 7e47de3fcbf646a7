package dev.checkpoint.errorreports;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the crash reports.
 *
 * @param retention how long a report is kept; groups left without reports go too
 * @param retentionCron when the retention job runs (server time zone)
 * @param maxBodySize largest accepted report body
 * @param recentReports how many of a group's newest reports its detail view lists
 */
@ConfigurationProperties("checkpoint.error-reports")
@Validated
record ErrorReportsProperties(@DefaultValue("90d") @DurationMin(hours = 1) Duration retention,
		@DefaultValue("0 30 3 * * *") @NotBlank String retentionCron, @DefaultValue("64KB") DataSize maxBodySize,
		@DefaultValue("20") @Min(1) @Max(200) int recentReports) {
}
