package dev.checkpoint.ingest;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ping path.
 *
 * @param unknownProducts what to do with pings for products not in the catalogue. The
 * default, {@code drop}, answers them with the neutral body the clients need (200, as
 * docs/protocol.md recommends: a 404 makes Prisma re-ask on every command and Consul or
 * Nomad print an error) and stores nothing. The routes are public, so storing would let
 * anyone create products in the reports and the dashboard for ever; an operator who wants
 * the pings of a product adds it to the catalogue, and can still choose {@code store}
 * (new names capped per address, see {@code checkpoint.ingest.new-products}) or
 * {@code reject}
 * @param maxBatchSize most pings written in one group commit
 * @param writerThreads how many group commits may run at once (one measured fastest on 2
 * cores with bench/ingest.sh: a second writer costs more CPU per ping than it overlaps)
 * @param queueCapacity most pings waiting for a commit; beyond it pings are refused
 * @param writeTimeout how long a request waits for its commit
 * @param partitionsAhead how many future months get their ping partition in advance
 * @param partitionCron when the partitions ahead are created (UTC, Spring's six-field
 * format, {@code -} for never)
 * @param rawRetention how many months raw pings are kept: a month's ping partition, and
 * its {@code monthly_actives} rows, are dropped once the month is entirely older than
 * that (at least 2, so that the previous month can still be reported on)
 * @param retentionCron when the expired months are dropped (UTC)
 * @param spool where accepted pings wait while the database is unreachable
 */
@ConfigurationProperties("checkpoint.ingest")
@Validated
record IngestProperties(@DefaultValue("drop") UnknownProducts unknownProducts,
		@DefaultValue("2000") @Min(1) @Max(20000) int maxBatchSize, @DefaultValue("1") @Min(1) int writerThreads,
		@DefaultValue("50000") @Min(1) int queueCapacity, @DefaultValue("2500ms") Duration writeTimeout,
		@DefaultValue("2") @Min(1) int partitionsAhead, @DefaultValue("0 17 * * * *") @NotBlank String partitionCron,
		@DefaultValue("13") @Min(2) int rawRetention, @DefaultValue("0 30 0 * * *") @NotBlank String retentionCron,
		@DefaultValue @Valid Spool spool) {

	/** What happens to a ping for a product the catalogue does not list. */
	enum UnknownProducts {

		/**
		 * Answer the neutral body and store the ping under the product name, for at most
		 * {@code checkpoint.ingest.new-products.max-per-day} unknown names per client
		 * address and UTC day.
		 */
		STORE,
		/** Answer the neutral body and store nothing (the default). */
		DROP,
		/** Answer 404 (strict mode) and store nothing. */
		REJECT

	}

	/**
	 * The on-disk spool that keeps accepted pings while the database is unreachable.
	 *
	 * @param directory where spooled batches are written (one file each)
	 * @param maxSize most bytes the spool may hold; beyond it new pings are refused
	 * @param connectionWait how long a batch waits for a database connection before it
	 * goes to the spool instead: the connection timeout of the writer's own pool
	 * {@code ping-writer}, at least 250 ms (keep it well under the write timeout)
	 * @param probeInterval how often the database is probed, and the spool replayed,
	 * during an outage
	 * @param appliedRetention how long the ids of replayed batches are remembered (a
	 * batch replayed again within that time is not stored twice)
	 * @param storeTimeout how long a batch's statements may wait for the database's
	 * answer (the connection's socket timeout) before the database counts as unreachable
	 * and the batch goes to the spool: a network partition in the middle of a statement
	 * then costs this long, not for ever (keep it under the write timeout). It is the
	 * socket timeout of the writer's pool, rounded up to whole seconds
	 */
	record Spool(@DefaultValue("data/spool") Path directory, @DefaultValue("256MB") DataSize maxSize,
			@DefaultValue("1s") Duration connectionWait, @DefaultValue("2s") Duration probeInterval,
			@DefaultValue("30d") Duration appliedRetention, @DefaultValue("2s") Duration storeTimeout) {

	}

}
