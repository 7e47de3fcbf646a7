package dev.checkpoint.catalog;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired notice deliveries once a day
 * ({@code checkpoint.catalog.deliveries.retention-cron}), on one replica at a time.
 */
@Component
class NoticeDeliveryRetentionJob {

	private final NoticeDeliveryRetention retention;

	NoticeDeliveryRetentionJob(NoticeDeliveryRetention retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "${checkpoint.catalog.deliveries.retention-cron:" + CatalogProperties.Deliveries.RETENTION_CRON
			+ "}")
	@SchedulerLock(name = "catalog.notice-delivery-retention", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
	void deleteExpiredDeliveries() {
		this.retention.purgeExpired();
	}

}
