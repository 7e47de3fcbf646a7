package dev.checkpoint.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.ExternalProgram;
import dev.checkpoint.catalog.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * HashiCorp's real go-checkpoint 0.5.0 (Debian's
 * golang-github-hashicorp-go-checkpoint-dev), unmodified, reaching the server through a
 * TLS-terminating CONNECT proxy for checkpoint-api.hashicorp.com
 * (src/test/go/checkpoint-compat does the client side).
 */
@CheckpointIntegrationTest
@Sql({ "/fixtures/acme-catalog.sql", "/fixtures/clean-pings.sql" })
class GoCheckpointCompatibilityIT {

	private static final Path LIBRARY = Path.of("/usr/share/gocode/src/github.com/hashicorp/go-checkpoint");

	private static final Path BUILD_DIR = Path.of("target/go-compat");

	private static final Path BINARY = BUILD_DIR.resolve("checkpoint-compat");

	private static final String SIGNATURE = "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalog catalog;

	@BeforeAll
	static void buildProgram() throws Exception {
		assumeTrue(ExternalProgram.onPath("go") && Files
			.isDirectory(LIBRARY), "Go or go-checkpoint is not installed (apt-get install golang-go "
					+ "golang-github-hashicorp-go-checkpoint-dev; .ci/run does it): skipping the go-checkpoint test");
		Files.createDirectories(BUILD_DIR.resolve("gopath"));
		ExternalProgram.Result build = ExternalProgram.run(
				List.of("go", "build", "-o", BINARY.toString(), "./src/test/go/checkpoint-compat"),
				Map.of("GO111MODULE", "off", "GOPATH",
						BUILD_DIR.resolve("gopath").toAbsolutePath() + ":/usr/share/gocode", "GOCACHE",
						BUILD_DIR.resolve("cache").toAbsolutePath().toString(), "GOFLAGS", ""),
				Duration.ofMinutes(5));
		assertThat(build.exitCode()).as("go build: %s", build).isZero();
	}

	@Test
	void shouldServeRealGoCheckpointCheckReportAndVersions() throws Exception {
		this.catalog.refresh();
		ExternalProgram.Result result = ExternalProgram.run(List.of(BINARY.toString(), "-server",
				"http://127.0.0.1:" + this.port, "-product", "acme", "-version", "1.9.0", "-signature", SIGNATURE,
				"-expect-current-version", "2.0.0", "-expect-outdated", "-expect-release-date", "1717200000",
				"-expect-download-url", "https://acme.test/2.0.0", "-expect-alert-ids", "101", "-service", "acme-agent",
				"-expect-min", "1.0.0", "-expect-max", "2.0.0", "-expect-excluding", "1.3.0"), Map.of(),
				Duration.ofSeconds(90));
		assertThat(result.exitCode()).as("%s", result).isZero();
		assertThat(result.stdout()).contains("ok check", "ok report", "ok versions", "ok master-shape");

		List<Map<String, Object>> rows = this.jdbc
			.sql("select kind, signature::text as s, version from ping_details where product = 'acme' order by kind")
			.query()
			.listOfRows();
		assertThat(rows).extracting((row) -> row.get("kind")).contains(1, 2);
		assertThat(rows).extracting((row) -> row.get("s")).containsOnly(SIGNATURE);
		assertThat(rows).extracting((row) -> row.get("version")).containsOnly("1.9.0");
	}

}
