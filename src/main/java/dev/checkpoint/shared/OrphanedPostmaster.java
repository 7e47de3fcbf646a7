package dev.checkpoint.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster still running on our data directory after the process that started it died
 * (a JVM killed without its children): it holds {@code postmaster.pid}, so a new start
 * would fail with "lock file already exists". It is asked to shut down (SIGTERM,
 * PostgreSQL's smart shutdown: its clients died with their JVM), and killed if it has not
 * within the timeout; PostgreSQL then recovers from its write-ahead log at the next
 * start. A pid file of a process that is gone, or that is not a postgres of this data
 * directory (a reused pid), is stale and removed.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private OrphanedPostmaster() {
	}

	static void stopIfRunning(Path dataDirectory, Duration timeout) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		Optional<Long> pid = pid(pidFile);
		if (pid.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> process = ((pid.get() > 0) ? ProcessHandle.of(pid.get())
				: Optional.<ProcessHandle>empty())
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> isPostmasterOf(handle, dataDirectory));
		if (process.isEmpty()) {
			log.info("Removing the stale {} of a postmaster that is gone", pidFile);
			Files.deleteIfExists(pidFile);
			return;
		}
		log.warn("A postmaster (pid {}) left by a previous run still serves {}: shutting it down", pid.get(),
				dataDirectory);
		ProcessHandle postmaster = process.get();
		fastShutdown(postmaster);
		if (!waitForExit(postmaster, timeout)) {
			log.warn("The postmaster (pid {}) did not stop within {}: killing it", pid.get(), timeout);
			postmaster.destroyForcibly();
			if (!waitForExit(postmaster, Duration.ofSeconds(10))) {
				throw new IllegalStateException("Could not stop the postmaster (pid " + pid.get() + ") on "
						+ dataDirectory + "; stop it by hand and start again");
			}
			Files.deleteIfExists(pidFile);
		}
	}

	/** SIGINT by {@code kill}, which Java cannot send itself; SIGTERM when that fails. */
	private static void fastShutdown(ProcessHandle postmaster) {
		try {
			Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start();
			if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
				return;
			}
		}
		catch (IOException ex) {
			// no kill command
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		postmaster.destroy();
	}

	private static Optional<Long> pid(Path pidFile) throws IOException {
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").strip();
		try {
			return Optional.of(Long.parseLong(first));
		}
		catch (NumberFormatException ex) {
			return Optional.of(-1L);
		}
	}

	/** Whether the process is a postgres whose command line names this data directory. */
	private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
		ProcessHandle.Info info = process.info();
		String command = info.command().orElse("");
		String arguments = String.join(" ", info.arguments().orElse(new String[0]));
		return command.endsWith("postgres") && arguments.contains(dataDirectory.toAbsolutePath().toString());
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return !process.isAlive();
		}
	}

}
