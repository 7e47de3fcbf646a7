package dev.checkpoint.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.checkpoint.TestcontainersConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@Import(TestcontainersConfiguration.class)
@Sql("/fixtures/clean-pings.sql")
class PingWriterIntegrationTests {

	@Autowired
	PingWriter writer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** A day inside the current month, whose partition always exists. */
	private Instant thisMonth() {
		return YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).atDay(5).atTime(10, 0).toInstant(ZoneOffset.UTC);
	}

	@Test
	void shouldStoreEveryConcurrentPingAndKeepRollupEqualToRawCounts() throws Exception {
		List<UUID> signatures = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			signatures.add(UUID.randomUUID());
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		List<CompletableFuture<Void>> acknowledged = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			int n = i;
			UUID signature = (n % 10 == 0) ? null : signatures.get(n % signatures.size());
			Instant at = thisMonth().plusSeconds(86_400L * (n % 3));
			acknowledged.add(CompletableFuture.supplyAsync(
					() -> this.writer.submit(ping(at, (n % 2 == 0) ? "alpha" : "beta", signature, n % 7 == 0)), pool)
				.thenCompose((done) -> done));
		}
		CompletableFuture.allOf(acknowledged.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		pool.shutdown();

		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isEqualTo(2000);
		assertThat(this.jdbc.sql("""
				select product, count(distinct signature) from pings where signature is not null group by 1
				except
				select product, count(*) from monthly_actives group by 1""").query().listOfRows()).isEmpty();
		assertThat(this.jdbc.sql("""
				select product, signature, bit_or(1 << (extract(day from received_at at time zone 'UTC')::int - 1)),
				  bool_or(ci is not true)
				from pings where signature is not null group by 1, 2
				except
				select product, signature, days, non_ci from monthly_actives""").query().listOfRows()).isEmpty();
		assertThat(this.jdbc.sql("select sum(pings) from monthly_anonymous").query(Long.class).single()).isEqualTo(200);
	}

	@Test
	void shouldFailOnlyTheBadPingsOfABatch() {
		CompletableFuture<Void> far = this.writer
			.submit(ping(Instant.parse("2099-01-01T00:00:00Z"), "alpha", null, false));
		assertThat(far).failsWithin(30, TimeUnit.SECONDS);
		CompletableFuture<Void> now = this.writer
			.submit(ping(Instant.parse("2026-11-25T10:00:00Z"), "alpha", null, false));
		assertThat(now).succeedsWithin(30, TimeUnit.SECONDS);
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isEqualTo(1);
	}

	private static Ping ping(Instant at, String product, UUID signature, boolean ci) {
		return new Ping(at, Ping.Kind.CHECK, product, "1.0.0", "linux", "x64", signature, ci, null, null, null, null,
				null, null, null, null, null, List.of(), List.of(), List.of(), null, null, null, null, null);
	}

}
