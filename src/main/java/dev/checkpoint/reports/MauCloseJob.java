package dev.checkpoint.reports;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives ended months their final report: daily shortly after midnight UTC
 * ({@code checkpoint.reports.close-cron}), and once at start-up to catch up on months
 * missed while no instance ran. Both share one lock, so one replica does it.
 */
@Component
class MauCloseJob {

	static final String LOCK = "reports.mau-close";

	private final MauReportService reports;

	private final ReportsProperties properties;

	MauCloseJob(MauReportService reports, ReportsProperties properties) {
		this.reports = reports;
		this.properties = properties;
	}

	@Scheduled(cron = "${checkpoint.reports.close-cron:" + ReportsProperties.CLOSE_CRON + "}", zone = "UTC")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT2H", lockAtLeastFor = "PT30S")
	void closeEndedMonths() {
		this.reports.closeEndedMonths();
	}

	@EventListener(ApplicationReadyEvent.class)
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT2H", lockAtLeastFor = "PT30S")
	void catchUp() {
		if (this.properties.catchUpOnStartup()) {
			this.reports.closeEndedMonths();
		}
	}

}
