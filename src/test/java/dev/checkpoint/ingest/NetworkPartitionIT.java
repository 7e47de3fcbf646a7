package dev.checkpoint.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.checkpoint.catalog.Catalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A network partition between the server and its database in the middle of statements: a
 * proxy stops forwarding what the server sends, and keeps every connection open. The
 * socket timeouts make the writer notice within its store timeout instead of waiting for
 * ever: it spools, checks keep being answered (and their pings kept) during the
 * partition, and after it every acknowledged ping is stored exactly once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "checkpoint.ingest.spool.probe-interval=300ms", "checkpoint.ingest.spool.store-timeout=1s",
				"checkpoint.catalog.refresh-interval=500ms", "spring.datasource.hikari.connection-timeout=1500",
				"spring.datasource.hikari.data-source-properties.loginTimeout=2",
				"spring.datasource.hikari.data-source-properties.socketTimeout=10" })
@Sql({ "/fixtures/clean-pings.sql", "/fixtures/acme-catalog.sql" })
@DirtiesContext
class NetworkPartitionIT {

	private static final Path SPOOL_DIRECTORY = temporaryDirectory();

	private static final EmbeddedPostgres POSTGRES = startDatabase();

	private static final StallingTcpProxy PROXY = startProxy();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalog catalog;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + PROXY.port() + "/postgres");
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("checkpoint.ingest.spool.directory", SPOOL_DIRECTORY::toString);
	}

	@AfterAll
	static void stop() throws IOException {
		PROXY.close();
		POSTGRES.close();
	}

	@Test
	void shouldSpoolAndKeepAnsweringWhenTheDatabaseStopsAnsweringMidStatement() throws Exception {
		this.catalog.refresh();
		List<String> acknowledged = new CopyOnWriteArrayList<>();
		List<String> acknowledgedDuringPartition = new CopyOnWriteArrayList<>();
		AtomicLong slowest = new AtomicLong();
		AtomicBoolean partitioned = new AtomicBoolean();
		AtomicBoolean sending = new AtomicBoolean(true);
		ExecutorService senders = Executors.newFixedThreadPool(3);
		for (int i = 0; i < 3; i++) {
			senders.submit(() -> {
				while (sending.get()) {
					long started = System.nanoTime();
					String signature = sendCheck();
					long took = System.nanoTime() - started;
					if (partitioned.get()) {
						slowest.accumulateAndGet(took, Math::max);
					}
					if (signature != null) {
						acknowledged.add(signature);
						if (partitioned.get()) {
							acknowledgedDuringPartition.add(signature);
						}
					}
				}
				return null;
			});
		}
		Thread.sleep(500);
		PROXY.stall();
		partitioned.set(true);
		Thread.sleep(5000);
		partitioned.set(false);
		PROXY.heal();
		Thread.sleep(500);
		sending.set(false);
		senders.shutdown();
		assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		assertThat(acknowledgedDuringPartition).as("pings acknowledged (spooled) during the partition")
			.hasSizeGreaterThan(20);
		assertThat(Duration.ofNanos(slowest.get())).as("slowest answer during the partition")
			.isLessThan(Duration.ofSeconds(4));
		// replaying ~90 spooled batches after the partition took 25-60 s on 2 busy cores
		long healed = System.nanoTime();
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(this.meters.get("checkpoint.spool.batches").gauge().value()).isZero();
			assertThat(this.jdbc.sql("select count(distinct signature) from pings").query(Long.class).single())
				.isGreaterThanOrEqualTo(acknowledged.size());
		});
		Map<String, Long> rows = this.jdbc.sql("select signature::text, sum(hits) from pings group by 1")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		System.out.printf(
				"partition: %d pings acknowledged, %d of them during the 5 s partition, slowest answer then"
						+ " %d ms, %d stored after it%n",
				acknowledged.size(), acknowledgedDuringPartition.size(), Duration.ofNanos(slowest.get()).toMillis(),
				rows.size());
		assertThat(rows.keySet()).containsAll(acknowledged);
		assertThat(acknowledged).allSatisfy((signature) -> assertThat(rows.get(signature)).as(signature).isOne());
	}

	/** A JSON check; the signature when its ping was acknowledged (200), else null. */
	private String sendCheck() {
		String signature = UUID.randomUUID().toString();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/check/acme"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"version": "1.5.0", "os": "linux", "arch": "x64", "signature": "%s"}""".formatted(signature)))
			.build();
		try {
			return (this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) ? signature
					: null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static EmbeddedPostgres startDatabase() {
		try {
			return EmbeddedPostgres.builder().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	private static StallingTcpProxy startProxy() {
		try {
			return new StallingTcpProxy(POSTGRES.getPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("checkpoint-partition-spool");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
