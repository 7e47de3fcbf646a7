package dev.checkpoint.ingest;

import java.time.Duration;
import java.time.ZoneOffset;

import dev.checkpoint.shared.Job;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ping store's scheduled jobs. */
@Configuration(proxyBeanMethods = false)
class IngestJobs {

	/** Creates the ping partitions of the coming months. */
	@Bean
	Job partitionJob(PartitionManager partitions, IngestProperties properties) {
		return Job.onOneInstance("ingest.partitions", properties.partitionCron(), ZoneOffset.UTC,
				Duration.ofMinutes(10), partitions::ensurePartitions);
	}

	/** Drops the ping partitions of months older than the raw retention. */
	@Bean
	Job rawRetentionJob(PartitionManager partitions, IngestProperties properties) {
		return Job.onOneInstance("ingest.raw-retention", properties.retentionCron(), ZoneOffset.UTC,
				Duration.ofMinutes(30), partitions::dropExpiredPartitions);
	}

}
