package dev.checkpoint.ingest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps ping partitions created ahead of time and drops those past the raw retention, on
 * one replica at a time.
 */
@Component
class PartitionJob {

	private final PartitionManager partitions;

	PartitionJob(PartitionManager partitions) {
		this.partitions = partitions;
	}

	@Scheduled(cron = "${checkpoint.ingest.partition-cron:0 17 * * * *}")
	@SchedulerLock(name = "ingest.partitions", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
	void ensurePartitions() {
		this.partitions.ensurePartitions();
	}

	@Scheduled(cron = "${checkpoint.ingest.retention-cron:0 30 0 * * *}", zone = "UTC")
	@SchedulerLock(name = "ingest.raw-retention", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
	void dropExpiredPings() {
		this.partitions.dropExpiredPartitions();
	}

}
