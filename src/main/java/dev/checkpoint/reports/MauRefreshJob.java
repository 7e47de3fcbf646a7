package dev.checkpoint.reports;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes the current month's reports and breakdowns every few minutes
 * ({@code checkpoint.reports.refresh-cron}), on one replica at a time.
 */
@Component
class MauRefreshJob {

	private final MauReportService reports;

	MauRefreshJob(MauReportService reports) {
		this.reports = reports;
	}

	@Scheduled(cron = "${checkpoint.reports.refresh-cron:" + ReportsProperties.REFRESH_CRON + "}", zone = "UTC")
	@SchedulerLock(name = "reports.mau-refresh", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
	void refresh() {
		this.reports.refreshCurrentMonth();
	}

}
