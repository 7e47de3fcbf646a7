package dev.checkpoint.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Group commit: requests hand their ping over and wait; writer threads take everything
 * that queued up while the previous commit ran and store it in one batch. A request is
 * answered only once its batch is committed, so an acknowledged ping is durable.
 */
@Component
class PingWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PingWriter.class);

	private final PingStore store;

	private final IngestProperties properties;

	private final BlockingQueue<Pending> queue;

	private final List<Thread> threads = new ArrayList<>();

	private final Counter storedPings;

	private final Counter failedPings;

	private final DistributionSummary batchSizes;

	private volatile boolean running;

	PingWriter(PingStore store, IngestProperties properties, MeterRegistry meters) {
		this.store = store;
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
	 */
	private void write(List<Pending> batch) {
		List<Ping> pings = batch.stream().map(Pending::ping).toList();
		DataAccessException failure = null;
		for (int attempt = 1; attempt <= 2; attempt++) {
			try {
				this.store.store(pings);
				this.storedPings.increment(pings.size());
				this.batchSizes.record(pings.size());
				batch.forEach((pending) -> pending.done().complete(null));
				return;
			}
			catch (DataAccessException ex) {
				failure = ex;
				log.warn("Storing {} pings failed (attempt {}): {}", pings.size(), attempt, ex.getMessage());
				if (batch.size() > 1 && isContentError(ex)) {
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

	private static boolean isContentError(DataAccessException ex) {
		return ex instanceof NonTransientDataAccessException && !(ex instanceof DataAccessResourceFailureException);
	}

	private record Pending(Ping ping, CompletableFuture<Void> done) {
	}

}
