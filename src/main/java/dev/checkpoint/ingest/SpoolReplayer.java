package dev.checkpoint.ingest;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.checkpoint.ingest.PingSpool.SpooledBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Stores spooled batches once the database answers again, oldest first, on its own thread
 * (each instance replays its own spool directory, also right after start-up). Every batch
 * is stored exactly once: its id goes into {@code ingest_spool_batches} in the same
 * transaction as its pings, and a batch whose id is already there (stored before a crash
 * kept its file) is only deleted.
 */
@Component
class SpoolReplayer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SpoolReplayer.class);

	private static final Duration CLEAN_UP_INTERVAL = Duration.ofHours(1);

	private final PingSpool spool;

	private final PingStore store;

	private final DatabaseOutage outage;

	private final WriterPool pool;

	private final IngestProperties properties;

	private final Clock clock;

	private final Counter replayedPings;

	private final Counter rejectedPings;

	private @Nullable ScheduledExecutorService executor;

	private Instant lastCleanUp = Instant.EPOCH;

	SpoolReplayer(PingSpool spool, PingStore store, DatabaseOutage outage, WriterPool pool, IngestProperties properties,
			Clock clock, MeterRegistry meters) {
		this.spool = spool;
		this.store = store;
		this.outage = outage;
		this.pool = pool;
		this.properties = properties;
		this.clock = clock;
		this.replayedPings = Counter.builder("checkpoint.pings.replayed")
			.description("Spooled pings stored once the database answered again")
			.register(meters);
		this.rejectedPings = Counter.builder("checkpoint.pings.spool.rejected")
			.description("Spooled pings the database refused; kept in the spool's rejected/ directory")
			.register(meters);
	}

	/**
	 * Probes the database if it was unreachable, then stores every spooled batch. Stops
	 * at the first sign of an outage, leaving the rest for the next run.
	 * @return whether the spool is empty afterwards
	 */
	synchronized boolean replayPending() {
		if (!this.outage.isActive() && this.spool.isEmpty()) {
			cleanUp();
			return true;
		}
		try {
			if (this.outage.isActive() && this.outage.probe() != null) {
				return false;
			}
			for (Path file : this.spool.pending()) {
				Halving.store(file, this::halves, this::replay, this::refused);
			}
			return this.spool.pending().isEmpty();
		}
		catch (DataAccessException | TransactionException ex) {
			if (!StorageFailureClassifier.isOutage(ex)) {
				log.warn("Replaying the ping spool failed, retrying later: {}", ex.getMessage());
			}
			this.outage.report(ex);
			return false;
		}
	}

	/**
	 * Stores one spooled batch (unless already stored) and deletes its file.
	 * @throws DataAccessException when the database refuses the content, or cannot be
	 * reached
	 */
	void replay(Path file) {
		SpooledBatch batch;
		try {
			batch = this.spool.read(file);
		}
		catch (NoSuchFileException ex) {
			return;
		}
		catch (IOException ex) {
			log.error("Moving unreadable spool file {} to rejected/: {}", file.getFileName(), ex.getMessage());
			ioRun(() -> this.spool.reject(file));
			return;
		}
		if (apply(batch)) {
			this.replayedPings.increment(batch.pings().size());
		}
		ioRun(() -> this.spool.delete(file));
	}

	/** A spooled batch's file split in two new ones, or the file alone for one ping. */
	private List<Path> halves(Path file) {
		SpooledBatch batch = io(() -> this.spool.read(file));
		return (batch.pings().size() > 1) ? io(() -> this.spool.split(file, batch)) : List.of(file);
	}

	/** A single spooled ping the database refuses is set aside in rejected/. */
	private void refused(Path file, DataAccessException ex) {
		this.rejectedPings.increment();
		log.error("The database refused a spooled ping ({}); moved to {}: {}", file.getFileName(),
				this.spool.directory().resolve("rejected"), ex.getMostSpecificCause().getMessage());
		ioRun(() -> this.spool.reject(file));
	}

	/**
	 * In one transaction, records the batch id and stores the pings, unless the id was
	 * recorded before.
	 * @return whether the pings were stored now
	 */
	boolean apply(SpooledBatch batch) {
		Boolean stored = this.pool.transactions().execute((status) -> {
			int inserted = this.pool.jdbc()
				.sql("insert into ingest_spool_batches (id) values (?) on conflict do nothing")
				.param(batch.id())
				.update();
			if (inserted == 0) {
				return false;
			}
			this.store.store(this.pool.jdbc(), batch.pings());
			return true;
		});
		return Boolean.TRUE.equals(stored);
	}

	/** Forgets the ids of batches replayed long ago, at most hourly. */
	private void cleanUp() {
		Instant now = this.clock.instant();
		if (this.lastCleanUp.plus(CLEAN_UP_INTERVAL).isAfter(now)) {
			return;
		}
		this.lastCleanUp = now;
		try {
			this.pool.jdbc()
				.sql("delete from ingest_spool_batches where applied_at < ?")
				.param(Timestamp.from(now.minus(this.properties.spool().appliedRetention())))
				.update();
		}
		catch (DataAccessException ex) {
			log.debug("Cleaning up replayed spool batch ids failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "ping-spool-replay");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.spool().probeInterval().toMillis();
		started.scheduleWithFixedDelay(this::run, 0, interval, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running == null) {
			return;
		}
		running.shutdown();
		try {
			running.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/** Stops before the ping writer, whose last batches may still go to the spool. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	private void run() {
		try {
			replayPending();
		}
		catch (RuntimeException ex) {
			log.warn("Replaying the ping spool failed: {}", ex.toString());
		}
	}

	private static <T> T io(IoAction<T> action) {
		try {
			return action.run();
		}
		catch (IOException ex) {
			throw new SpoolIoException(ex);
		}
	}

	private static void ioRun(IoVoidAction action) {
		try {
			action.run();
		}
		catch (IOException ex) {
			throw new SpoolIoException(ex);
		}
	}

	private interface IoAction<T> {

		T run() throws IOException;

	}

	private interface IoVoidAction {

		void run() throws IOException;

	}

	/** The spool directory failed; the replay stops and is tried again later. */
	private static final class SpoolIoException extends RuntimeException {

		SpoolIoException(IOException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
