package dev.checkpoint.catalog;

import java.time.Duration;
import java.time.ZoneId;

import dev.checkpoint.shared.Job;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue's scheduled jobs. */
@Configuration(proxyBeanMethods = false)
class CatalogJobs {

	/**
	 * Picks up catalogue changes made through other instances within a few seconds (on
	 * every instance, for its own memory).
	 */
	@Bean
	Job catalogRefreshJob(Catalog catalog, CatalogProperties properties) {
		return Job.onEveryInstance("catalog.refresh", properties.refreshInterval(), catalog::refresh);
	}

	/** Deletes expired notice deliveries, and those of retired notices. */
	@Bean
	Job noticeDeliveryRetentionJob(NoticeDeliveryRetention retention, CatalogProperties properties) {
		return Job.onOneInstance("catalog.notice-delivery-retention", properties.deliveries().retentionCron(),
				ZoneId.systemDefault(), Duration.ofMinutes(30), retention::purgeExpired);
	}

}
