package dev.checkpoint.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest
@Sql("/fixtures/clean-pings.sql")
class GroupCommitQueueIntegrationTests {

	@Autowired
	GroupCommitQueue writer;

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

		assertThat(this.jdbc.sql("select sum(hits) from pings").query(Long.class).single()).isEqualTo(2000);
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single())
			.as("36 signed (one product each) x 3 days, folded, plus 200 unsigned rows")
			.isEqualTo(36 * 3 + 200);
		assertThat(this.jdbc.sql("""
				select product, count(distinct signature) from ping_details where signature is not null group by 1
				except
				select product, count(*) from monthly_actives group by 1""").query().listOfRows()).isEmpty();
		assertThat(this.jdbc.sql("""
				select product, signature, bit_or(1 << (extract(day from received_at at time zone 'UTC')::int - 1)),
				  bool_or(ci is not true)
				from ping_details where signature is not null group by 1, 2
				except
				select product, signature, days, non_ci from monthly_actives""").query().listOfRows()).isEmpty();
		assertThat(this.jdbc.sql("select sum(pings) from monthly_anonymous").query(Long.class).single()).isEqualTo(200);
	}

	@Test
	void shouldFailOnlyTheBadPingsOfABatch() {
		CompletableFuture<Void> far = this.writer
			.submit(ping(Instant.parse("2099-01-01T00:00:00Z"), "alpha", null, false));
		assertThat(far).failsWithin(30, TimeUnit.SECONDS);
		CompletableFuture<Void> now = this.writer.submit(ping(thisMonth(), "alpha", null, false));
		assertThat(now).succeedsWithin(30, TimeUnit.SECONDS);
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void shouldFoldPingsOfOneSignatureInsideAWindowIntoOneRowWhenStoredInSeveralBatches() {
		UUID signature = UUID.randomUUID();
		Instant morning = thisMonth().minusSeconds(3 * 3600);
		submitAll(ping(morning, "alpha", signature, true, "1.0.0", "e1"),
				ping(morning.plusSeconds(60), "alpha", signature, true, "1.0.0", "e2"));
		submitAll(ping(morning.plusSeconds(120), "alpha", signature, false, "1.1.0", "e3"),
				ping(morning.plusSeconds(120), "alpha", signature, false, "1.1.0", "e3"));
		submitAll(ping(morning.plusSeconds(180), "alpha", signature, false, "1.1.0", "e3"),
				ping(thisMonth().plusSeconds(3 * 3600), "alpha", signature, true, "1.2.0", "e4"),
				ping(morning, "beta", signature, true, "1.0.0", "e5"),
				ping(morning, "alpha", null, true, "1.0.0", "e6"), ping(morning, "alpha", null, true, "1.0.0", "e7"));

		List<Map<String, Object>> rows = this.jdbc.sql("""
				select product, received_at, last_seen_at, hits, version, ci, client_event_id from ping_details
				where signature = ? order by product, received_at""").param(signature).query().listOfRows();
		Instant window = morning.truncatedTo(ChronoUnit.DAYS);
		assertThat(rows)
			.extracting((row) -> List.of(row.get("product"), instant(row.get("received_at")),
					instant(row.get("last_seen_at")), row.get("hits"), row.get("version"), row.get("ci"),
					row.get("client_event_id")))
			.as("retried e3 counts once; ci is true only while every ping was in CI")
			.containsExactly(
					List.of("alpha", window, morning.plusSeconds(180), 3, "1.1.0", false, "e3"), List.of("alpha",
							window.plusSeconds(12 * 3600), thisMonth().plusSeconds(3 * 3600), 1, "1.2.0", true, "e4"),
					List.of("beta", window, morning, 1, "1.0.0", true, "e5"));
		assertThat(this.jdbc.sql("select count(*) from pings where signature is null").query(Long.class).single())
			.as("unsigned pings are never folded")
			.isEqualTo(2);
		assertThat(this.jdbc.sql("select days, non_ci from monthly_actives where product = 'alpha' and signature = ?")
			.param(signature)
			.query()
			.singleRow()).containsEntry("days", 1 << (thisMonth().atZone(ZoneOffset.UTC).getDayOfMonth() - 1))
			.containsEntry("non_ci", true);
	}

	private void submitAll(Ping... pings) {
		List<CompletableFuture<Void>> done = new ArrayList<>();
		for (Ping ping : pings) {
			done.add(this.writer.submit(ping));
		}
		assertThat(CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))).succeedsWithin(30,
				TimeUnit.SECONDS);
	}

	private static Instant instant(Object timestamp) {
		return ((java.sql.Timestamp) timestamp).toInstant();
	}

	private static Ping ping(Instant at, String product, UUID signature, boolean ci) {
		return ping(at, product, signature, ci, "1.0.0", null);
	}

	private static Ping ping(Instant at, String product, UUID signature, boolean ci, String version,
			String clientEventId) {
		return new Ping(at, Ping.Kind.CHECK, product, version, "linux", "x64", signature, ci, clientEventId, null, null,
				null, null, null, null, null, null, List.of(), List.of(), List.of(), null, null, null, null, null);
	}

}
