package dev.checkpoint.reports;

import java.time.Duration;
import java.time.ZoneOffset;

import dev.checkpoint.shared.Job;
import dev.checkpoint.shared.Jobs;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MAU reports' scheduled jobs. */
@Configuration(proxyBeanMethods = false)
class ReportsJobs {

	/** Recomputes the current month's report and breakdowns. */
	@Bean
	Job mauRefreshJob(MauReportService reports, ReportsProperties properties) {
		return Job.onOneInstance("reports.mau-refresh", properties.refreshCron(), ZoneOffset.UTC,
				Duration.ofMinutes(30), reports::refreshCurrentMonth);
	}

	/**
	 * Computes the days that have settled, and the days ingest marked as changed late.
	 */
	@Bean
	Job dailyReportsJob(DailyReportService reports, ReportsProperties properties) {
		return Job.onOneInstance("reports.daily", properties.dailyCron(), ZoneOffset.UTC, Duration.ofMinutes(30),
				reports::computePendingDays);
	}

	/** Reads the stored reports into this instance's Prometheus gauges. */
	@Bean
	Job reportGaugesJob(ReportGauges gauges, ReportsProperties properties) {
		return Job.onEveryInstance("reports.gauges", properties.metricsInterval(), gauges::refresh);
	}

	/** Gives ended months their final report. */
	@Bean
	Job mauCloseJob(MauReportService reports, ReportsProperties properties) {
		return Job.onOneInstance("reports.mau-close", properties.closeCron(), ZoneOffset.UTC, Duration.ofHours(2),
				reports::closeEndedMonths);
	}

	/**
	 * At start-up, also closes ended months that have no final report yet (an instance
	 * that was down at the close time), under the close job's lock.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> mauCloseCatchUp(Jobs jobs, @Qualifier("mauCloseJob") Job closeJob,
			ReportsProperties properties) {
		return (ready) -> {
			if (properties.catchUpOnStartup()) {
				jobs.run(closeJob);
			}
		};
	}

}
