package dev.checkpoint;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real client program for the compatibility tests and captures what it printed.
 */
public final class ExternalProgram {

	private ExternalProgram() {
	}

	public static boolean onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		return List.of(path.split(File.pathSeparator))
			.stream()
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

	public static Result run(List<String> command, Map<String, String> environment, Duration timeout)
			throws IOException, InterruptedException {
		Path output = Files.createTempFile("checkpoint-compat", ".out");
		Path errors = Files.createTempFile("checkpoint-compat", ".err");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
				.redirectError(errors.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + command + "\n" + Files.readString(errors));
			}
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
					Files.readString(errors, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(output);
			Files.deleteIfExists(errors);
		}
	}

	public record Result(int exitCode, String stdout, String stderr) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\nstdout:\n" + this.stdout + "\nstderr:\n" + this.stderr;
		}

	}

}
