package dev.checkpoint.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.checkpoint.ingest.IngestProperties.Spool;
import dev.checkpoint.ingest.IngestProperties.UnknownProducts;
import dev.checkpoint.ingest.PingSpool.SpoolFullException;
import dev.checkpoint.ingest.PingSpool.SpooledBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PingSpoolTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@TempDir
	Path directory;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void shouldReadBackEveryFieldOfASpooledPing() throws Exception {
		PingSpool spool = spool(DataSize.ofMegabytes(1));
		Ping full = new Ping(NOW, Ping.Kind.RUN_REPORT, "acme", "1.2.3", "linux", "x64", UUID.randomUUID(), true,
				"event-2", "event-1", "project", "path", "migrate dev", "info", "GitHub Actions", "global", "v20.1.0",
				List.of("postgresql", "sqlite"), List.of("views"), List.of("prisma-client-js"), "1.1.33", false,
				"agent/1.0", NOW.minusSeconds(5), "{\"a\": [1, 2]}");
		Ping sparse = ping("beta");

		SpooledBatch written = spool.write(List.of(full, sparse));

		List<Path> files = spool.pending();
		assertThat(files).hasSize(1);
		assertThat(spool.read(files.get(0))).isEqualTo(written);
		assertThat(written.pings()).containsExactly(full, sparse);
		assertThat(spool.batches()).isEqualTo(1);
		assertThat(spool.bytes()).isEqualTo(Files.size(files.get(0)));
		assertThat(this.meters.get("checkpoint.pings.spooled").counter().count()).isEqualTo(2);
		assertThat(this.meters.get("checkpoint.spool.batches").gauge().value()).isEqualTo(1);
	}

	@Test
	void shouldListOldestFirstAndForgetDeletedBatches() throws Exception {
		MutableClock clock = new MutableClock();
		PingSpool spool = new PingSpool(properties(DataSize.ofMegabytes(1)), clock, this.meters);
		SpooledBatch first = spool.write(List.of(ping("a")));
		clock.now = clock.now.plusMillis(1);
		SpooledBatch second = spool.write(List.of(ping("b")));

		List<Path> files = spool.pending();
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.satisfiesExactly((name) -> assertThat(name).contains(first.id().toString()),
					(name) -> assertThat(name).contains(second.id().toString()));
		spool.delete(files.get(0));
		spool.delete(files.get(0));
		assertThat(spool.batches()).isEqualTo(1);
		spool.delete(files.get(1));
		assertThat(spool.isEmpty()).isTrue();
		assertThat(spool.bytes()).isZero();
	}

	@Test
	void shouldRefuseABatchWhenTheSpoolIsFull() throws Exception {
		PingSpool spool = spool(DataSize.ofBytes(1200));
		spool.write(List.of(ping("a")));
		assertThatExceptionOfType(SpoolFullException.class).isThrownBy(() -> {
			for (int i = 0; i < 10; i++) {
				spool.write(List.of(ping("a")));
			}
		});
		long bytes = spool.bytes();
		assertThat(bytes).isLessThanOrEqualTo(1200);
		assertThat(spool.pending()).hasSize((int) spool.batches());
		assertThat(spool.bytes()).isEqualTo(bytes);
	}

	@Test
	void shouldFindBatchesLeftByAnEarlierRunAndDropUnfinishedWrites() throws Exception {
		PingSpool earlier = spool(DataSize.ofMegabytes(1));
		earlier.write(List.of(ping("a")));
		Files.writeString(this.directory.resolve(".0000000000000-unfinished.json.tmp"), "{\"id\":");

		PingSpool later = spool(DataSize.ofMegabytes(1));

		assertThat(later.batches()).isEqualTo(1);
		assertThat(later.bytes()).isEqualTo(earlier.bytes());
		assertThat(this.directory.resolve(".0000000000000-unfinished.json.tmp")).doesNotExist();
	}

	@Test
	void shouldSplitIntoTheSameHalvesEveryTime() throws Exception {
		PingSpool spool = spool(DataSize.ofMegabytes(1));
		SpooledBatch batch = spool.write(List.of(ping("a"), ping("b"), ping("c")));
		Path file = spool.pending().get(0);
		byte[] content = Files.readAllBytes(file);

		List<Path> halves = spool.split(file, batch);
		Files.write(file, content);
		List<Path> again = spool.split(file, batch);

		assertThat(again).isEqualTo(halves);
		assertThat(spool.pending()).containsExactlyInAnyOrderElementsOf(halves);
		assertThat(spool.read(halves.get(0)).pings()).extracting(Ping::product).containsExactly("a");
		assertThat(spool.read(halves.get(1)).pings()).extracting(Ping::product).containsExactly("b", "c");
		assertThat(spool.read(halves.get(0)).id()).isNotEqualTo(batch.id());
	}

	@Test
	void shouldMoveARejectedBatchAside() throws Exception {
		PingSpool spool = spool(DataSize.ofMegabytes(1));
		spool.write(List.of(ping("a")));
		Path file = spool.pending().get(0);

		spool.reject(file);

		assertThat(spool.pending()).isEmpty();
		assertThat(spool.isEmpty()).isTrue();
		assertThat(this.directory.resolve("rejected").resolve(file.getFileName())).exists();
	}

	private PingSpool spool(DataSize maxSize) {
		return new PingSpool(properties(maxSize), Clock.fixed(NOW, ZoneOffset.UTC), this.meters);
	}

	private IngestProperties properties(DataSize maxSize) {
		return new IngestProperties(UnknownProducts.STORE, 2000, 1, 50000, Duration.ofMillis(2500), 2, "0 17 * * * *",
				13, "0 30 0 * * *", new Spool(this.directory, maxSize, Duration.ofSeconds(1), Duration.ofSeconds(2),
						Duration.ofDays(30), Duration.ofSeconds(2)));
	}

	private static Ping ping(String product) {
		return new Ping(NOW, Ping.Kind.CHECK, product, "1.0.0", "linux", "x64", null, null, null, null, null, null,
				null, null, null, null, null, List.of(), List.of(), List.of(), null, null, null, null, null);
	}

	private static final class MutableClock extends Clock {

		Instant now = NOW;

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
