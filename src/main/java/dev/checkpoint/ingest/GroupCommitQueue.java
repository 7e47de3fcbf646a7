package dev.checkpoint.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.checkpoint.ingest.BatchWriter.Range;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit: requests hand their ping over and wait; writer threads take everything
 * that queued up while the previous commit ran and hand it to the {@link BatchWriter} as
 * one batch. A ping's future completes only once its batch is committed (or synced to the
 * spool), so an acknowledged ping is durable. Owns the queue, the threads, their
 * lifecycle and the metrics.
 */
@Component
class GroupCommitQueue implements SmartLifecycle {

	private final BatchWriter writer;

	private final IngestProperties properties;

	private final BlockingQueue<Pending> queue;

	private final List<Thread> threads = new ArrayList<>();

	private final Counter storedPings;

	private final Counter failedPings;

	private final DistributionSummary batchSizes;

	private volatile boolean running;

	GroupCommitQueue(BatchWriter writer, IngestProperties properties, MeterRegistry meters) {
		this.writer = writer;
		this.properties = properties;
		this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
		this.storedPings = Counter.builder("checkpoint.pings.stored")
			.description("Pings committed to the database by the group commit")
			.register(meters);
		this.failedPings = Counter.builder("checkpoint.pings.failed")
			.description("Pings neither stored nor spooled")
			.register(meters);
		this.batchSizes = DistributionSummary.builder("checkpoint.pings.batch.size").register(meters);
		meters.gauge("checkpoint.pings.queued", this.queue, BlockingQueue::size);
	}

	/** Queues a ping; the future completes when its batch is stored. */
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

	private void write(List<Pending> batch) {
		this.batchSizes.record(batch.size());
		this.writer.write(batch.stream().map(Pending::ping).toList(), new BatchWriter.Outcomes() {

			@Override
			public void stored(Range range) {
				GroupCommitQueue.this.storedPings.increment(range.size());
				batch.subList(range.from(), range.to()).forEach((pending) -> pending.done().complete(null));
			}

			@Override
			public void spooled(Range range) {
				batch.subList(range.from(), range.to()).forEach((pending) -> pending.done().complete(null));
			}

			@Override
			public void failed(Range range, Exception cause) {
				GroupCommitQueue.this.failedPings.increment(range.size());
				batch.subList(range.from(), range.to())
					.forEach((pending) -> pending.done().completeExceptionally(cause));
			}

		});
	}

	private record Pending(Ping ping, CompletableFuture<Void> done) {
	}

}
