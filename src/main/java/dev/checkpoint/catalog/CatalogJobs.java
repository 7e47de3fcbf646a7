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

	/**
	 * Announces the rollout stages whose time came (on every instance, each rollout by
	 * the first that locks its row).
	 */
	@Bean
	Job rolloutStageJob(RolloutService rollouts, CatalogProperties properties) {
		return Job.onEveryInstance("catalog.rollout-stages", properties.refreshInterval(),
				rollouts::announceStartedStages);
	}

	/** Deletes expired notice deliveries, and those of retired notices. */
	@Bean
	Job noticeDeliveryRetentionJob(NoticeDeliveryRetention retention, CatalogProperties properties) {
		return Job.onOneInstance("catalog.notice-delivery-retention", properties.deliveries().retentionCron(),
				ZoneId.systemDefault(), Duration.ofMinutes(30), retention::purgeExpired);
	}

}
