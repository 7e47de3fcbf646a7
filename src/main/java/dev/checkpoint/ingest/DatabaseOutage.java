package dev.checkpoint.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Whether the database is known to be unreachable. While it is, the ping writer sends
 * batches straight to the spool instead of waiting for a connection, and the spool
 * replayer probes the database until it answers. Logs once per change, not per batch.
 */
@Component
class DatabaseOutage {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	private final Clock clock;

	private volatile @Nullable Instant since;

	private volatile @Nullable String lastError;

	DatabaseOutage(Clock clock) {
		this.clock = clock;
	}

	boolean isActive() {
		return this.since != null;
	}

	/** When the outage began; null when the database is reachable. */
	@Nullable Instant since() {
		return this.since;
	}

	/** The last failure seen, kept after the outage ends. */
	@Nullable String lastError() {
		return this.lastError;
	}

	synchronized void begin(Throwable failure) {
		this.lastError = describe(failure);
		if (this.since == null) {
			this.since = this.clock.instant();
			log.warn("Database unreachable, answering from memory and spooling pings to disk: {}", this.lastError);
		}
	}

	synchronized void end() {
		Instant began = this.since;
		if (began != null) {
			this.since = null;
			log.info("Database reachable again after {}s", Duration.between(began, this.clock.instant()).toSeconds());
		}
	}

	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
