package dev.checkpoint.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Whether the database is known to be unreachable, and the only owner of that state. The
 * others read it (the batch writer then spools at once instead of waiting for a
 * connection; the health indicator shows it) or report a failure to it; only an outage
 * failure ({@link StorageFailureClassifier#isOutage}) begins one, and only a
 * {@link #probe()} that the database answers ends it. Logs once per change, not per
 * batch.
 */
@Component
class DatabaseOutage {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	private final Clock clock;

	private final WriterPool pool;

	private volatile @Nullable Instant since;

	private volatile @Nullable String lastError;

	DatabaseOutage(Clock clock, WriterPool pool) {
		this.clock = clock;
		this.pool = pool;
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

	/**
	 * Asks the database through the ping writer's pool: ends the outage when it answers,
	 * begins one when it cannot be reached.
	 * @return null when the database answered, else its failure (an outage, or another
	 * failure that does not change the state)
	 */
	@Nullable DataAccessException probe() {
		try {
			this.pool.jdbc().sql("select 1").query(Integer.class).single();
		}
		catch (DataAccessException ex) {
			report(ex);
			return ex;
		}
		end();
		return null;
	}

	/** A failure seen while using the database: an outage failure begins an outage. */
	void report(Throwable failure) {
		if (StorageFailureClassifier.isOutage(failure)) {
			begin(failure);
		}
	}

	private synchronized void begin(Throwable failure) {
		this.lastError = describe(failure);
		if (this.since == null) {
			this.since = this.clock.instant();
			log.warn("Database unreachable, answering from memory and spooling pings to disk: {}", this.lastError);
		}
	}

	private synchronized void end() {
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
