package dev.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client trickling request bodies at a byte a second must not stop the server for
 * everyone: 250 sockets from 127.0.0.2 send chunked bodies to the admin API (no token)
 * and 60 KB Content-Length bodies to {@code /v1/telemetry}, while a probe from 127.0.0.1
 * checks every 20 ms. Loopback only, bounded in sockets and time.
 */
@CheckpointIntegrationTest(properties = "checkpoint.request-limits.body-read-timeout=2s")
class SlowClientFloodIT {

	private static final int ADMIN_SOCKETS = 230;

	private static final int TELEMETRY_SOCKETS = 20;

	private static final Duration FLOOD = Duration.ofSeconds(8);

	private static final int SLICES = 10;

	@LocalServerPort
	int port;

	@Test
	void shouldKeepAnsweringChecksWhileOneClientTricklesBodies() throws Exception {
		InetAddress attacker = InetAddress.getByName("127.0.0.2");
		List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
		HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest check = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/check/acme?version=1.0.0&os=linux"))
			.timeout(Duration.ofSeconds(3))
			.build();
		for (int i = 0; i < 300; i++) {
			probe.send(check, HttpResponse.BodyHandlers.discarding()); // warm up the path
		}
		List<Long> latencies = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		try {
			for (int i = 0; i < ADMIN_SOCKETS + TELEMETRY_SOCKETS; i++) {
				Socket socket = open(attacker);
				String head = (i < ADMIN_SOCKETS)
						? "POST /api/admin/products HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
								+ "Transfer-Encoding: chunked\r\n\r\n"
						: "POST /v1/telemetry/acme HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n";
				if (socket != null && write(socket, head)) {
					sockets.add(socket);
				}
			}
			long begin = System.nanoTime();
			long end = begin + FLOOD.toNanos();
			long nextTrickle = 0;
			int slice = 0;
			while (System.nanoTime() < end) {
				if (System.nanoTime() >= nextTrickle) {
					trickle(sockets, attacker, slice);
					slice = (slice + 1) % SLICES;
					nextTrickle = System.nanoTime() + Duration.ofSeconds(1).toNanos() / SLICES;
				}
				long started = System.nanoTime();
				try {
					HttpResponse<Void> answer = probe.send(check, HttpResponse.BodyHandlers.discarding());
					latencies.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
					if (answer.statusCode() != 200) {
						failures.add("status " + answer.statusCode());
					}
				}
				catch (IOException ex) {
					failures.add(ex + " at " + Duration.ofNanos(started - begin).toMillis() + " ms");
					latencies.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
				}
				Thread.sleep(20);
			}
		}
		finally {
			for (Socket socket : sockets) {
				socket.close();
			}
		}
		Collections.sort(latencies);
		long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
		System.out.printf("flood: %d probe checks, p50 %d ms, p99 %d ms, max %d ms%n", latencies.size(),
				latencies.get(latencies.size() / 2), p99, latencies.get(latencies.size() - 1));
		assertThat(failures).as("probe checks not answered 200 (of %d)", latencies.size()).isEmpty();
		// a check that waited for a worker held by a trickling body would wait for that
		// body's read deadline (2 s): far above half of it, whatever the machine's load
		assertThat(p99)
			.as("probe p99 in ms over %d checks, max %d", latencies.size(), latencies.get(latencies.size() - 1))
			.isLessThan(1000);
	}

	@Test
	void shouldRefuseABodyOnAMethodThatTakesNone() throws Exception {
		RawHttp.Response answer = RawHttp.send(this.port, ascii(
				"GET /v1/check/acme?version=1.0.0 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\n"),
				ascii("hello"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("content-type")).startsWith("application/problem+json");
	}

	@Test
	void shouldAnswer408WhenABodyDoesNotArriveInTime() throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(15_000);
			long started = System.nanoTime();
			write(socket, "POST /v1/telemetry/acme HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"version\"");
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			assertThat(answer).startsWith("HTTP/1.1 408");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
		}
	}

	@Test
	void shouldRefuseMoreRequestsOfOneClientThanItMayHaveInProgress() throws Exception {
		InetAddress client = InetAddress.getByName("127.0.0.3");
		List<Socket> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 32; i++) {
				Socket socket = open(client);
				write(socket, "POST /v1/telemetry/acme HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
				slow.add(socket);
			}
			Thread.sleep(300);
			try (Socket extra = open(client)) {
				extra.setSoTimeout(5000);
				write(extra, "GET /v1/check/acme?version=1.0.0 HTTP/1.1\r\nHost: x\r\n\r\n");
				String answer = new String(extra.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
				assertThat(answer).isEqualTo("HTTP/1.1 503");
			}
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * One more byte on every tenth socket (a chunk of one byte, or one byte of the fixed
	 * length), so that each gets a byte a second; sockets the server closed are opened
	 * again, as an attacker would.
	 */
	private void trickle(List<Socket> sockets, InetAddress attacker, int slice) throws IOException {
		synchronized (sockets) {
			for (int i = slice; i < sockets.size(); i += SLICES) {
				Socket socket = sockets.get(i);
				boolean chunked = i < ADMIN_SOCKETS;
				if (!write(socket, chunked ? "1\r\n{\r\n" : "{")) {
					socket.close();
					Socket again = open(attacker);
					if (again != null) {
						write(again, chunked
								? "POST /api/admin/products HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
								: "POST /v1/telemetry/acme HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n");
						sockets.set(i, again);
					}
				}
			}
		}
	}

	private Socket open(InetAddress attacker) {
		try {
			Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port, attacker, 0);
			socket.setSoTimeout(1000);
			return socket;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static boolean write(Socket socket, String text) {
		try {
			OutputStream out = socket.getOutputStream();
			out.write(text.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
