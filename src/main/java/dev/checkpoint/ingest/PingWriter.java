package dev.checkpoint.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: requests hand their ping over and wait; writer threads take everything
 * that queued up while the previous commit ran and store it in one batch. A request is
 * answered only once its batch is committed, so an acknowledged ping is durable.
 * <p>
 * When the database cannot be reached, the batch is written to the {@link PingSpool}
 * instead and answered once it is synced to disk; while the {@link DatabaseOutage} lasts
 * batches go straight there, and the {@link SpoolReplayer} stores them later.
 */
@Component
class PingWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PingWriter.class);

	private final PingStore store;

	private final PingSpool spool;

	private final DatabaseOutage outage;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final IngestProperties properties;

	private ExecutorService attempts = newAttempts();

	private final BlockingQueue<Pending> queue;

	private final List<Thread> threads = new ArrayList<>();

	private final Counter storedPings;

	private final Counter failedPings;

	private final DistributionSummary batchSizes;

	private volatile boolean running;

	PingWriter(PingStore store, PingSpool spool, DatabaseOutage outage, TransactionTemplate transactions,
			JdbcTemplate jdbc, IngestProperties properties, MeterRegistry meters) {
		this.store = store;
		this.spool = spool;
		this.outage = outage;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.properties = properties;
		this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
		this.storedPings = Counter.builder("checkpoint.pings.stored").register(meters);
		this.failedPings = Counter.builder("checkpoint.pings.failed").register(meters);
		this.batchSizes = DistributionSummary.builder("checkpoint.pings.batch.size").register(meters);
		meters.gauge("checkpoint.pings.queued", this.queue, BlockingQueue::size);
	}

	/** Queues a ping; the future completes when its batch is committed. */
	CompletableFuture<Void> submit(Ping ping) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		if (!this.running) {
			done.completeExceptionally(new RejectedExecutionException("The ping writer is not running"));
		}
		else if (!this.queue.offer(new Pending(ping, done))) {
			done.completeExceptionally(new RejectedExecutionException("The ping queue is full"));
		}
		return done;
	}

	@Override
	public void start() {
		if (this.attempts.isShutdown()) {
			this.attempts = newAttempts();
		}
		this.running = true;
		for (int i = 0; i < this.properties.writerThreads(); i++) {
			Thread thread = new Thread(this::run, "ping-writer-" + i);
			thread.setDaemon(true);
			thread.start();
			this.threads.add(thread);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		for (Thread thread : this.threads) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.threads.clear();
		this.attempts.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops after the web server (which stops at a higher phase) so queued pings drain.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(this.properties.maxBatchSize());
		while (this.running || !this.queue.isEmpty()) {
			try {
				Pending first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.properties.maxBatchSize() - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	/**
	 * Stores a batch, retrying once. A batch refused for its content (not for an
	 * unreachable database) is split in halves, so one bad ping cannot fail the others.
	 * While the database is unreachable the batch goes to the on-disk spool instead.
	 */
	private void write(List<Pending> batch) {
		List<Ping> pings = batch.stream().map(Pending::ping).toList();
		if (this.outage.isActive()) {
			spool(batch, pings);
			return;
		}
		DataAccessException failure = null;
		for (int attempt = 1; attempt <= 2; attempt++) {
			try {
				storeNow(pings);
				this.storedPings.increment(pings.size());
				this.batchSizes.record(pings.size());
				batch.forEach((pending) -> pending.done().complete(null));
				return;
			}
			catch (DatabaseUnreachableException ex) {
				this.outage.begin(ex);
				spool(batch, pings);
				return;
			}
			catch (DataAccessException ex) {
				failure = ex;
				log.warn("Storing {} pings failed (attempt {}): {}", pings.size(), attempt, ex.getMessage());
				if (batch.size() > 1 && StorageFailures.isContentError(ex)) {
					write(batch.subList(0, batch.size() / 2));
					write(batch.subList(batch.size() / 2, batch.size()));
					return;
				}
			}
		}
		this.failedPings.increment(pings.size());
		DataAccessException cause = failure;
		batch.forEach((pending) -> pending.done().completeExceptionally(cause));
	}

	/**
	 * Stores the pings on a helper thread, waiting at most the spool's connection wait
	 * for a database connection. A store that has no connection by then is abandoned: it
	 * will not write even if a connection comes later, so the batch can safely be spooled
	 * instead. Once it has its connection, it is waited for to the end.
	 * @throws DatabaseUnreachableException when the batch must go to the spool
	 */
	private void storeNow(List<Ping> pings) {
		Attempt attempt = new Attempt();
		Future<?> result = this.attempts.submit(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute((ConnectionCallback<@Nullable Object>) (connection) -> {
				// the pool resets it when the connection returns
				connection.setNetworkTimeout(Runnable::run, (int) this.properties.spool().storeTimeout().toMillis());
				return null;
			});
			if (!attempt.start()) {
				throw new CannotGetJdbcConnectionException("Abandoned after the connection wait");
			}
			try {
				this.store.store(pings);
			}
			catch (RuntimeException ex) {
				attempt.failure = ex;
				throw ex;
			}
		}));
		try {
			try {
				result.get(this.properties.spool().connectionWait().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				if (attempt.abandon()) {
					throw new DatabaseUnreachableException(
							"No database connection within " + this.properties.spool().connectionWait(), null);
				}
				result.get();
			}
		}
		catch (InterruptedException ex) {
			if (attempt.abandon()) {
				Thread.currentThread().interrupt();
				throw new DatabaseUnreachableException("Interrupted while waiting for a connection", ex);
			}
			awaitUninterruptibly(result);
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// the store's own failure, not the failed rollback on a dead connection after
			// it
			Throwable cause = (attempt.failure != null) ? attempt.failure : ex.getCause();
			if (cause != null && StorageFailures.isOutage(cause)) {
				throw new DatabaseUnreachableException(cause.getMessage(), cause);
			}
			if (cause instanceof DataAccessException dataAccess) {
				throw dataAccess;
			}
			throw new UncategorizedDataAccessException("Storing pings failed", cause) {
			};
		}
	}

	/** Waits for a store that already writes, so that it is never spooled as well. */
	private static void awaitUninterruptibly(Future<?> result) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					result.get();
					return;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					throw new UncategorizedDataAccessException("Storing pings failed", ex.getCause()) {
					};
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Makes the batch durable in the spool; acknowledges it only once it is on disk. */
	private void spool(List<Pending> batch, List<Ping> pings) {
		try {
			this.spool.write(pings);
			batch.forEach((pending) -> pending.done().complete(null));
		}
		catch (IOException | RuntimeException ex) {
			this.failedPings.increment(pings.size());
			log.warn("Spooling {} pings failed: {}", pings.size(), ex.getMessage());
			batch.forEach((pending) -> pending.done().completeExceptionally(ex));
		}
	}

	/**
	 * One store on the helper thread. It may write only if it takes its connection before
	 * the writer gives up waiting; exactly one of the two wins.
	 */
	private static final class Attempt {

		private final AtomicInteger state = new AtomicInteger();

		private volatile @Nullable RuntimeException failure;

		/** Called with a connection in hand; false when the writer gave up. */
		boolean start() {
			return this.state.compareAndSet(0, 1);
		}

		/** Called by the writer; false when the store already runs. */
		boolean abandon() {
			return this.state.compareAndSet(0, 2);
		}

	}

	/** The database cannot be reached now: the batch goes to the spool. */
	private static final class DatabaseUnreachableException extends DataAccessResourceFailureException {

		DatabaseUnreachableException(@Nullable String message, @Nullable Throwable cause) {
			super((message != null) ? message : "Database unreachable", cause);
		}

	}

	private static ExecutorService newAttempts() {
		return Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "ping-store");
			thread.setDaemon(true);
			return thread;
		});
	}

	private record Pending(Ping ping, CompletableFuture<Void> done) {
	}

}
