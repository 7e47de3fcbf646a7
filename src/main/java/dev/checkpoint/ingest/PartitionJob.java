package dev.checkpoint.ingest;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps ping partitions created ahead of time.
 */
@Component
class PartitionJob {

	private final PartitionManager partitions;

	PartitionJob(PartitionManager partitions) {
		this.partitions = partitions;
	}

	@Scheduled(cron = "${checkpoint.ingest.partition-cron:0 17 * * * *}")
	void ensurePartitions() {
		this.partitions.ensurePartitions();
	}

}
