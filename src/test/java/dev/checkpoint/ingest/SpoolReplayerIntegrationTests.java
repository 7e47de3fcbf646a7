package dev.checkpoint.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.ingest.PingSpool.SpooledBatch;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying spooled batches into the real database: exactly once per batch, even when a
 * crash left the file of a batch that was already stored.
 */
@CheckpointIntegrationTest(properties = "checkpoint.ingest.spool.probe-interval=1h")
@Sql("/fixtures/clean-pings.sql")
class SpoolReplayerIntegrationTests {

	@Autowired
	SpoolReplayer replayer;

	@Autowired
	PingSpool spool;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void spoolDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("checkpoint-spool-replay");
		registry.add("checkpoint.ingest.spool.directory", directory::toString);
	}

	@Test
	void shouldStoreABatchOnceWhenItsFileIsReplayedAgainAfterACrash() throws Exception {
		List<Ping> pings = List.of(ping(UUID.randomUUID()), ping(UUID.randomUUID()), ping(null));
		SpooledBatch batch = this.spool.write(pings);
		Path file = this.spool.pending().get(0);
		byte[] content = Files.readAllBytes(file);

		this.replayer.replay(file);
		assertThat(file).doesNotExist();
		Files.write(file, content);
		assertThat(this.replayer.apply(batch)).isFalse();
		this.replayer.replay(file);

		assertThat(file).doesNotExist();
		assertThat(this.spool.pending()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from monthly_actives").query(Long.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select sum(pings) from monthly_anonymous").query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from ingest_spool_batches where id = ?")
			.param(batch.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldStoreTheGoodPingsAndSetAsideTheOneTheDatabaseRefuses() throws Exception {
		List<Ping> pings = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			pings.add(ping(UUID.randomUUID()));
		}
		Ping refused = new Ping(Instant.parse("2099-01-01T00:00:00Z"), Ping.Kind.CHECK, "alpha", "1.0.0", "linux",
				"x64", UUID.randomUUID(), false, null, null, null, null, null, null, null, null, null, List.of(),
				List.of(), List.of(), null, null, null, null, null);
		pings.add(2, refused);
		this.spool.write(pings);

		assertThat(this.replayer.replayPending()).isTrue();

		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isEqualTo(5);
		assertThat(this.jdbc.sql("select count(*) from pings where signature = ?")
			.param(refused.signature())
			.query(Long.class)
			.single()).isZero();
		try (var rejected = Files.list(this.spool.directory().resolve("rejected"))) {
			List<Path> files = rejected.toList();
			assertThat(files).hasSize(1);
			assertThat(this.spool.read(files.get(0)).pings()).containsExactly(refused);
		}
	}

	private Ping ping(UUID signature) {
		Instant at = YearMonth.now(this.clock.withZone(ZoneOffset.UTC))
			.atDay(5)
			.atTime(10, 0)
			.toInstant(ZoneOffset.UTC);
		return new Ping(at, Ping.Kind.CHECK, "alpha", "1.0.0", "linux", "x64", signature, false, null, null, null, null,
				null, null, null, null, null, List.of(), List.of(), List.of(), null, null, null, null, null);
	}

}
