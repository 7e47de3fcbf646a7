package dev.checkpoint.errorreports;

import java.time.Duration;
import java.time.ZoneId;

import dev.checkpoint.shared.Job;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The crash reports' scheduled jobs. */
@Configuration(proxyBeanMethods = false)
class ErrorReportJobs {

	/** Deletes reports older than the retention, and the groups left without reports. */
	@Bean
	Job errorReportRetentionJob(ErrorReportService reports, ErrorReportsProperties properties) {
		return Job.onOneInstance("error-report-retention", properties.retentionCron(), ZoneId.systemDefault(),
				Duration.ofMinutes(30), reports::purgeExpired);
	}

}
