package dev.checkpoint.shared;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as an operator runs it, in a process of its own: under a
 * {@code POST /v1/check} load, a {@code kill -9} of the JVM, the postmaster and its
 * children together (a container kill) loses no ping that was answered 2xx, and stores
 * none twice; then a {@code kill -9} of the JVM alone leaves a postmaster that the next
 * start stops before it starts its own.
 */
class EmbeddedPostgresCrashIT {

	private static final int SENDERS = 6;

	private static final Duration LOAD = Duration.ofSeconds(4);

	/**
	 * The demo catalogue lists prisma, so its pings are stored; no limit refuses the
	 * load.
	 */
	private static final String[] ARGUMENTS = { "--checkpoint.catalog.demo-data=true",
			"--checkpoint.rate-limits.limits.pings.enabled=false", "--checkpoint.ingest.signature-cap.enabled=false" };

	@Test
	void shouldKeepEveryAcknowledgedPingWhenKilledAndStartAgainAfterAnOrphanedPostmaster(@TempDir Path data)
			throws Exception {
		Path log = data.resolve("server.log");
		Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
		int sent;
		try (EmbeddedServerProcess server = EmbeddedServerProcess.start(data, log, ARGUMENTS)) {
			sent = load(server, acknowledged, true);
		}
		assertThat(acknowledged).as("pings answered 2xx before the kill").hasSizeGreaterThan(100);

		Optional<ProcessHandle> orphan;
		try (EmbeddedServerProcess restarted = EmbeddedServerProcess.start(data, log, ARGUMENTS)) {
			try (Connection database = restarted.database()) {
				Map<UUID, Long> stored = storedHits(database);
				List<UUID> lost = acknowledged.stream().filter((signature) -> !stored.containsKey(signature)).toList();
				List<UUID> twice = acknowledged.stream()
					.filter((signature) -> stored.getOrDefault(signature, 0L) > 1)
					.toList();
				System.out.printf(
						"crash: %d pings sent, %d answered 2xx before the kill, %d stored after it, %d lost%n", sent,
						acknowledged.size(), stored.size(), lost.size());
				assertThat(lost)
					.as("acknowledged pings lost (of %d acknowledged, %d sent, %d stored)", acknowledged.size(), sent,
							stored.size())
					.isEmpty();
				assertThat(twice).as("acknowledged pings stored twice").isEmpty();
			}
			orphan = restarted.postmaster();
			restarted.killJvm();
		}
		assertThat(orphan).hasValueSatisfying(
				(postmaster) -> assertThat(postmaster.isAlive()).as("the postmaster outlives its JVM").isTrue());

		try (EmbeddedServerProcess third = EmbeddedServerProcess.start(data, log, ARGUMENTS);
				Connection database = third.database()) {
			assertThat(orphan.get().isAlive()).as("the orphaned postmaster was stopped").isFalse();
			assertThat(storedHits(database).keySet()).containsAll(acknowledged);
		}
		assertThat(Files.readString(log)).contains("left by a previous run still serves");
	}

	/**
	 * Sends pings with a new signature each from several threads for {@link #LOAD}; with
	 * {@code kill}, kills the process group in the middle of it.
	 * @return how many pings were sent
	 */
	private static int load(EmbeddedServerProcess server, Set<UUID> acknowledged, boolean kill) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < SENDERS; i++) {
			results.add(senders.submit(() -> {
				int count = 0;
				while (running.get()) {
					UUID signature = UUID.randomUUID();
					count++;
					try {
						HttpResponse<Void> response = http.send(HttpRequest.newBuilder(server.uri("/v1/check/prisma"))
							.timeout(Duration.ofSeconds(5))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(
									"{\"version\":\"6.0.0\",\"os\":\"linux\",\"signature\":\"" + signature + "\"}"))
							.build(), HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() / 100 == 2) {
							acknowledged.add(signature);
						}
					}
					catch (Exception ex) {
						// the server is gone: not acknowledged
					}
				}
				return count;
			}));
		}
		Thread.sleep(LOAD.toMillis());
		if (kill) {
			server.killProcessGroup();
		}
		running.set(false);
		int sent = 0;
		for (Future<Integer> result : results) {
			sent += result.get();
		}
		senders.shutdown();
		return sent;
	}

	private static Map<UUID, Long> storedHits(Connection database) throws Exception {
		Map<UUID, Long> hits = new HashMap<>();
		try (PreparedStatement query = database.prepareStatement(
				"select signature, sum(hits) from ping_details where product = 'prisma' group by signature");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				UUID signature = rows.getObject(1, UUID.class);
				if (signature != null) {
					hits.put(signature, rows.getLong(2));
				}
			}
		}
		return hits;
	}

}
