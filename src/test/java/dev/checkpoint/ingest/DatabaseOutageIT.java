package dev.checkpoint.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dev.checkpoint.catalog.Catalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * The database goes away for a while under traffic and comes back: checks keep their
 * answers from memory, every acknowledged ping waits in the spool and is stored exactly
 * once when the database returns. Runs its own PostgreSQL, which it stops and restarts on
 * the same port and data directory.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "checkpoint.ingest.spool.probe-interval=300ms", "checkpoint.catalog.refresh-interval=500ms" })
@Sql({ "/fixtures/clean-pings.sql", "/fixtures/acme-catalog.sql" })
@DirtiesContext
class DatabaseOutageIT {

	private static final Path DATA_DIRECTORY = temporaryDirectory("checkpoint-outage-db");

	private static final Path SPOOL_DIRECTORY = temporaryDirectory("checkpoint-outage-spool");

	private static final int DATABASE_PORT = freePort();

	private static EmbeddedPostgres postgres = startDatabase();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

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
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + DATABASE_PORT + "/postgres");
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("checkpoint.ingest.spool.directory", SPOOL_DIRECTORY::toString);
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		postgres.close();
	}

	@Test
	void shouldStoreEveryAcknowledgedPingExactlyOnceWhenTheDatabaseIsDownForAWhile() throws Exception {
		this.catalog.refresh();
		List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
		List<String> refused = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 5; i++) {
			acknowledged.add(sendRunReport(201));
			acknowledged.add(sendCheck());
		}
		assertThat(health()).containsEntry("status", "UP");

		AtomicBoolean sending = new AtomicBoolean(true);
		ExecutorService senders = Executors.newFixedThreadPool(3);
		for (int i = 0; i < 3; i++) {
			senders.submit(() -> sendUntilStopped(sending, acknowledged, refused));
		}
		Thread.sleep(300);
		postgres.close();

		for (int i = 0; i < 10; i++) {
			long started = System.nanoTime();
			acknowledged.add(sendCheck());
			acknowledged.add(sendRunReport(201));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
		}
		Map<String, Object> degraded = health();
		assertThat(degraded).containsEntry("status", "DEGRADED");
		assertThat(this.meters.get("checkpoint.pings.spooled").counter().count()).isGreaterThanOrEqualTo(20);
		assertThat(this.meters.get("checkpoint.spool.batches").gauge().value()).isPositive();
		try (var files = Files.list(SPOOL_DIRECTORY)) {
			assertThat(files.filter((file) -> file.toString().endsWith(".json"))).isNotEmpty();
		}

		Thread.sleep(1000);
		postgres = startDatabase();
		Thread.sleep(500);
		sending.set(false);
		senders.shutdown();
		assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(this.meters.get("checkpoint.spool.batches").gauge().value()).isZero();
			assertThat(health()).containsEntry("status", "UP");
		});
		assertThat(refused).isEmpty();
		assertThat(this.meters.get("checkpoint.pings.replayed").counter().count())
			.isEqualTo(this.meters.get("checkpoint.pings.spooled").counter().count());
		Map<String, Long> rows = this.jdbc.sql("select signature::text, count(*) from pings group by 1")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged);
		assertThat(rows).allSatisfy((signature, count) -> assertThat(count).as(signature).isEqualTo(1));
	}

	/** Sends run reports through the outage; a 201 means the ping must be kept. */
	private void sendUntilStopped(AtomicBoolean sending, List<String> acknowledged, List<String> refused) {
		while (sending.get()) {
			String signature = UUID.randomUUID().toString();
			try {
				HttpResponse<String> response = this.http.send(runReport(signature),
						HttpResponse.BodyHandlers.ofString());
				((response.statusCode() == 201) ? acknowledged : refused).add(signature);
			}
			catch (IOException | InterruptedException ex) {
				refused.add(signature + ": " + ex);
			}
		}
	}

	/**
	 * A JSON check (answered 503 when its ping is not kept), whose answer comes from
	 * memory.
	 */
	private String sendCheck() throws Exception {
		String signature = UUID.randomUUID().toString();
		HttpRequest request = HttpRequest.newBuilder(uri("/v1/check/acme"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"version": "1.5.0", "os": "linux", "arch": "x64", "signature": "%s"}""".formatted(signature)))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("current_version").asString()).isEqualTo("2.0.0");
		assertThat(body.get("outdated").asBoolean()).isTrue();
		assertThat(body.get("alerts")).extracting((alert) -> alert.get("id").asInt()).containsExactly(101);
		return signature;
	}

	private String sendRunReport(int expectedStatus) throws Exception {
		String signature = UUID.randomUUID().toString();
		HttpResponse<String> response = this.http.send(runReport(signature), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return signature;
	}

	private HttpRequest runReport(String signature) {
		return HttpRequest.newBuilder(uri("/v1/telemetry/acme"))
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"version": "1.0.0", "signature": "%s", "arch": "amd64", "os": "linux"}""".formatted(signature)))
			.timeout(Duration.ofSeconds(10))
			.build();
	}

	private Map<String, Object> health() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readValue(response.body(), Map.class);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static EmbeddedPostgres startDatabase() {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(DATA_DIRECTORY)
				.setCleanDataDirectory(false)
				.setPort(DATABASE_PORT)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	private static Path temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
