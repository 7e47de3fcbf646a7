package dev.checkpoint.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Accepted pings that could not reach the database, kept on disk until it returns: one
 * JSON file per batch, named {@code <spooled-at millis>-<batch id>.json} so that a
 * listing is oldest first. A file appears only complete and synced (written under a
 * temporary name, forced to disk, then renamed), so a ping is acknowledged only once it
 * survives a crash. Bounded by {@code checkpoint.ingest.spool.max-size}.
 */
@Component
class PingSpool {

	private static final Logger log = LoggerFactory.getLogger(PingSpool.class);

	private static final String SUFFIX = ".json";

	private static final String TEMPORARY_SUFFIX = ".tmp";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Path directory;

	private final Path rejected;

	private final long maxBytes;

	private final Clock clock;

	private final Counter spooledPings;

	private long bytes;

	private long batches;

	PingSpool(IngestProperties properties, Clock clock, MeterRegistry meters) {
		this.directory = properties.spool().directory().toAbsolutePath();
		this.rejected = this.directory.resolve("rejected");
		this.maxBytes = properties.spool().maxSize().toBytes();
		this.clock = clock;
		this.spooledPings = Counter.builder("checkpoint.pings.spooled")
			.description("Pings written to the on-disk spool while the database was unreachable")
			.register(meters);
		Gauge.builder("checkpoint.spool.batches", this, PingSpool::batches)
			.description("Batches waiting in the on-disk spool")
			.register(meters);
		Gauge.builder("checkpoint.spool.bytes", this, PingSpool::bytes)
			.description("Bytes waiting in the on-disk spool")
			.register(meters);
		removeTemporaryFiles();
		rescan();
	}

	/**
	 * Writes the pings as one new batch and syncs it to disk.
	 * @throws SpoolFullException when the batch would exceed the size limit
	 * @throws IOException when it cannot be written durably
	 */
	SpooledBatch write(List<Ping> pings) throws IOException {
		SpooledBatch batch = new SpooledBatch(UUID.randomUUID(), this.clock.instant(), pings);
		byte[] content = this.json.writeValueAsBytes(batch);
		reserve(content.length);
		try {
			writeDurably(fileName(batch), content);
		}
		catch (IOException | RuntimeException ex) {
			release(content.length);
			throw ex;
		}
		this.spooledPings.increment(pings.size());
		return batch;
	}

	/** The spooled batch files, oldest first; rescans the directory. */
	List<Path> pending() {
		List<Path> files = list();
		long total = 0;
		for (Path file : files) {
			total += sizeOf(file);
		}
		synchronized (this) {
			this.batches = files.size();
			this.bytes = total;
		}
		return files;
	}

	/**
	 * Reads a batch file.
	 * @throws NoSuchFileException when it is gone (replayed by another thread)
	 */
	SpooledBatch read(Path file) throws IOException {
		try {
			return this.json.readValue(Files.readAllBytes(file), SpooledBatch.class);
		}
		catch (JacksonException ex) {
			throw new IOException("Unreadable spool file " + file.getFileName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/** Forgets a batch once it is stored. */
	void delete(Path file) throws IOException {
		long size = sizeOf(file);
		if (Files.deleteIfExists(file)) {
			release(size);
		}
	}

	/**
	 * Replaces a batch by its two halves, whose ids derive from the batch's own so that
	 * splitting it again (after a crash) gives the same ids.
	 * @return the files of the halves, in order
	 */
	List<Path> split(Path file, SpooledBatch batch) throws IOException {
		int half = batch.pings().size() / 2;
		List<Path> halves = new ArrayList<>(2);
		List<List<Ping>> parts = List.of(batch.pings().subList(0, half),
				batch.pings().subList(half, batch.pings().size()));
		for (int i = 0; i < parts.size(); i++) {
			UUID id = UUID.nameUUIDFromBytes((batch.id() + "/" + i).getBytes(StandardCharsets.UTF_8));
			SpooledBatch part = new SpooledBatch(id, batch.spooledAt(), List.copyOf(parts.get(i)));
			byte[] content = this.json.writeValueAsBytes(part);
			Path written = writeDurably(fileName(part), content);
			synchronized (this) {
				this.batches++;
				this.bytes += content.length;
			}
			halves.add(written);
		}
		delete(file);
		return halves;
	}

	/**
	 * Moves a batch the database refuses, or that cannot be read, out of the way into
	 * {@code rejected/}, where it stays for the operator.
	 */
	void reject(Path file) throws IOException {
		long size = sizeOf(file);
		Files.createDirectories(this.rejected);
		try {
			Files.move(file, this.rejected.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
			release(size);
		}
		catch (NoSuchFileException ex) {
			// replayed meanwhile
		}
	}

	synchronized boolean isEmpty() {
		return this.batches == 0;
	}

	synchronized long batches() {
		return this.batches;
	}

	synchronized long bytes() {
		return this.bytes;
	}

	long maxBytes() {
		return this.maxBytes;
	}

	Path directory() {
		return this.directory;
	}

	private synchronized void reserve(long size) throws SpoolFullException {
		if (this.bytes + size > this.maxBytes) {
			throw new SpoolFullException(this.directory, this.maxBytes);
		}
		this.bytes += size;
		this.batches++;
	}

	private synchronized void release(long size) {
		this.bytes = Math.max(0, this.bytes - size);
		this.batches = Math.max(0, this.batches - 1);
	}

	private Path writeDurably(String name, byte[] content) throws IOException {
		Files.createDirectories(this.directory);
		Path temporary = this.directory.resolve("." + name + TEMPORARY_SUFFIX);
		Path target = this.directory.resolve(name);
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
		Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		syncDirectory();
		return target;
	}

	/** Makes the rename itself durable (POSIX); not possible on every platform. */
	private void syncDirectory() {
		try (FileChannel channel = FileChannel.open(this.directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			log.debug("Cannot sync the spool directory {}: {}", this.directory, ex.toString());
		}
	}

	private List<Path> list() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(this.directory, "*" + SUFFIX)) {
			stream.forEach((file) -> {
				if (!file.getFileName().toString().startsWith(".")) {
					files.add(file);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the ping spool " + this.directory, ex);
		}
		files.sort(null);
		return files;
	}

	private void rescan() {
		pending();
		if (this.batches > 0) {
			log.info("{} spooled ping batches ({} bytes) in {} wait to be stored", this.batches, this.bytes,
					this.directory);
		}
	}

	private void removeTemporaryFiles() {
		if (!Files.isDirectory(this.directory)) {
			return;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(this.directory, ".*" + TEMPORARY_SUFFIX)) {
			for (Path file : stream) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot clean the ping spool " + this.directory, ex);
		}
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String fileName(SpooledBatch batch) {
		return String.format("%013d-%s%s", batch.spooledAt().toEpochMilli(), batch.id(), SUFFIX);
	}

	/** One spooled batch, as written to its file. */
	record SpooledBatch(UUID id, Instant spooledAt, List<Ping> pings) {
	}

	/**
	 * The spool has reached its size limit; the ping is refused, not dropped silently.
	 */
	static class SpoolFullException extends IOException {

		SpoolFullException(Path directory, long maxBytes) {
			super("The ping spool in " + directory + " is full (" + maxBytes + " bytes)");
		}

	}

}
