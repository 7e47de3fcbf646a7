package dev.checkpoint.errorreports;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes crash reports older than {@code checkpoint.error-reports.retention} (90 days by
 * default) once a day, on one replica at a time.
 */
@Component
class ErrorReportRetentionJob {

	private final ErrorReportService reports;

	ErrorReportRetentionJob(ErrorReportService reports) {
		this.reports = reports;
	}

	@Scheduled(cron = "${checkpoint.error-reports.retention-cron:0 30 3 * * *}")
	@SchedulerLock(name = "error-report-retention", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
	void deleteExpiredReports() {
		this.reports.purgeExpired();
	}

}
