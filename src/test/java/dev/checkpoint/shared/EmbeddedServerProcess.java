package dev.checkpoint.shared;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The server as an operator runs it, in a process of its own: {@code java -cp <the
 * product's classes and dependencies> dev.checkpoint.CheckpointApplication} with the
 * embedded PostgreSQL in a given data directory, started with {@code setsid} so that the
 * JVM leads a process group of its own. A test can kill it together with its postmaster,
 * like a container kill, or kill the JVM alone.
 */
final class EmbeddedServerProcess implements AutoCloseable {

	private final Path dataDirectory;

	private final Path log;

	private final int port;

	private final Process process;

	private EmbeddedServerProcess(Path dataDirectory, Path log, int port, Process process) {
		this.dataDirectory = dataDirectory;
		this.log = log;
		this.port = port;
		this.process = process;
	}

	/** Starts the server on the data directory and waits until it answers its health. */
	static EmbeddedServerProcess start(Path dataDirectory, Path log, String... arguments) throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of("setsid", javaExecutable(), "-Xmx256m", "-cp",
				productClassPath(), "dev.checkpoint.CheckpointApplication", "--server.port=" + port,
				"--checkpoint.embedded-postgres.data-directory=" + dataDirectory.resolve("postgres"),
				"--checkpoint.ingest.spool.directory=" + dataDirectory.resolve("spool"),
				"--checkpoint.security.setup-token-file=" + dataDirectory.resolve("admin-setup-token"),
				"--checkpoint.scheduling.enabled=false", "--spring.main.banner-mode=off"));
		command.addAll(Arrays.asList(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("TEST_DB"));
		long started = System.nanoTime();
		EmbeddedServerProcess server = new EmbeddedServerProcess(dataDirectory, log, port, builder.start());
		server.awaitHealthy(Duration.ofSeconds(120));
		System.out.printf("server on %s healthy after %d ms%n", dataDirectory,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		return server;
	}

	int port() {
		return this.port;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * {@code kill -9} of the JVM, the postmaster and its children at once, as a container
	 * kill does: the JVM's process group and the postmaster's (pg_ctl starts it in a
	 * session of its own).
	 */
	void killProcessGroup() throws Exception {
		Optional<ProcessHandle> postmaster = postmaster();
		List<String> kill = new ArrayList<>(List.of("kill", "-9", "--", "-" + this.process.pid()));
		postmaster.ifPresent((handle) -> kill.add("-" + handle.pid()));
		new ProcessBuilder(kill).start().waitFor(10, TimeUnit.SECONDS);
		this.process.waitFor(30, TimeUnit.SECONDS);
		if (postmaster.isPresent()) {
			postmaster.get().onExit().get(30, TimeUnit.SECONDS);
		}
	}

	/** {@code kill -9} of the JVM alone: its postmaster lives on. */
	void killJvm() throws Exception {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** The running postmaster of the data directory, by its pid file. */
	Optional<ProcessHandle> postmaster() throws IOException {
		Path pidFile = this.dataDirectory.resolve("postgres").resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
			.filter(ProcessHandle::isAlive);
	}

	/** A connection to the embedded database with its password, from the test. */
	Connection database() throws IOException, SQLException {
		Path postgres = this.dataDirectory.resolve("postgres");
		String password = Files.readString(this.dataDirectory.resolve("postgres.password")).strip();
		String port = Files.readAllLines(postgres.resolve("postmaster.pid")).get(3).strip();
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password);
	}

	@Override
	public void close() throws Exception {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				killProcessGroup();
			}
		}
	}

	private void awaitHealthy(Duration timeout) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The server exited with " + this.process.exitValue() + ":\n" + tail());
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The server did not become healthy within " + timeout + ":\n" + tail());
	}

	private String tail() throws IOException {
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/**
	 * The product's classes and dependencies: the test classpath without test classes.
	 */
	private static String productClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
