package dev.checkpoint.ingest;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Writes one group-commit batch: to the database on the {@link WriterPool} (one
 * statement, committed on its own: {@link PingStore#store}), or, while the database is
 * unreachable, to the {@link PingSpool} (synced to disk before it counts). A batch
 * refused for its content is halved ({@link Halving}); another failure is tried once
 * more. It tells the caller, range by range, which pings are stored and which failed.
 */
@Component
class BatchWriter {

	private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

	private static final int ATTEMPTS = 2;

	private final PingStore store;

	private final PingSpool spool;

	private final DatabaseOutage outage;

	private final WriterPool pool;

	BatchWriter(PingStore store, PingSpool spool, DatabaseOutage outage, WriterPool pool) {
		this.store = store;
		this.spool = spool;
		this.outage = outage;
		this.pool = pool;
	}

	/**
	 * Writes the pings and reports every one of them exactly once to {@code outcomes}.
	 */
	void write(List<Ping> pings, Outcomes outcomes) {
		Halving.store(new Range(0, pings.size()), Range::halves, (range) -> storeOrSpool(pings, range, outcomes),
				(range, ex) -> {
					log.warn("The database refused a ping: {}", ex.getMostSpecificCause().getMessage());
					outcomes.failed(range, ex);
				});
	}

	/**
	 * Stores the range, or spools it when the database is (or turns out to be)
	 * unreachable.
	 * @throws DataAccessException when the database refuses the content
	 */
	private void storeOrSpool(List<Ping> pings, Range range, Outcomes outcomes) {
		List<Ping> part = pings.subList(range.from(), range.to());
		RuntimeException failure = null;
		for (int attempt = 1; attempt <= ATTEMPTS && !this.outage.isActive(); attempt++) {
			try {
				// no transaction: the pings and their rollups are one statement, which
				// commits on its own, and a batch saves the round trip of a COMMIT
				this.store.store(this.pool.jdbc(), part);
				outcomes.stored(range);
				return;
			}
			catch (DataAccessException ex) {
				if (StorageFailureClassifier.isOutage(ex)) {
					this.outage.report(ex);
					break;
				}
				if (StorageFailureClassifier.isContentError(ex)) {
					throw ex;
				}
				failure = ex;
				log.warn("Storing {} pings failed (attempt {}): {}", part.size(), attempt, ex.getMessage());
			}
		}
		if (failure != null && !this.outage.isActive()) {
			outcomes.failed(range, failure);
			return;
		}
		spool(part, range, outcomes);
	}

	/** Makes the pings durable in the spool; they count as stored once on disk. */
	private void spool(List<Ping> part, Range range, Outcomes outcomes) {
		try {
			this.spool.write(part);
			outcomes.spooled(range);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Spooling {} pings failed: {}", part.size(), ex.getMessage());
			outcomes.failed(range, ex);
		}
	}

	/** What became of the pings of a batch, told once per range. */
	interface Outcomes {

		/** Committed to the database. */
		void stored(Range range);

		/** Synced to the spool, to be stored once the database is back. */
		void spooled(Range range);

		/** Neither stored nor spooled. */
		void failed(Range range, Exception cause);

	}

	/** The pings {@code from} (inclusive) to {@code to} (exclusive) of a batch. */
	record Range(int from, int to) {

		int size() {
			return this.to - this.from;
		}

		List<Range> halves() {
			if (size() < 2) {
				return List.of(this);
			}
			int middle = this.from + size() / 2;
			return List.of(new Range(this.from, middle), new Range(middle, this.to));
		}

	}

}
