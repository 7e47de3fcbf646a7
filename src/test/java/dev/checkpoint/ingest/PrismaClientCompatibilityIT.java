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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prisma's real npm {@code checkpoint-client@1.1.33}, unmodified, against the running
 * server (src/test/node/prisma-compat.mjs does the client-side assertions).
 */
// folding off: every ping keeps its row, so that the event chain can be checked
@CheckpointIntegrationTest(properties = "checkpoint.ingest.fold.window=0")
@Sql({ "/fixtures/acme-catalog.sql", "/fixtures/clean-pings.sql" })
class PrismaClientCompatibilityIT {

	private static final Path CLIENT_DIR = Path.of("src/test/node");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalog catalog;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void installClient() throws Exception {
		assumeTrue(ExternalProgram.onPath("node") && ExternalProgram.onPath("npm"),
				"Node.js and npm are not installed: skipping the Prisma client compatibility test");
		if (!Files.isDirectory(CLIENT_DIR.resolve("node_modules/checkpoint-client"))) {
			ExternalProgram.Result install = ExternalProgram.run(
					List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", CLIENT_DIR.toString()), Map.of(),
					Duration.ofMinutes(5));
			assertThat(install.exitCode()).as("npm ci: %s", install).isZero();
		}
	}

	@Test
	void shouldServeRealPrismaClientAndStoreItsChecks() throws Exception {
		this.catalog.refresh();
		ExternalProgram.Result result = ExternalProgram.run(List.of("node",
				CLIENT_DIR.resolve("prisma-compat.mjs").toString(), "--endpoint", "http://127.0.0.1:" + this.port,
				"--product", "acme", "--version", "1.9.0", "--expect-current-version", "2.0.0", "--expect-package",
				"acme-cli", "--expect-release-tag", "latest"), Map.of(), Duration.ofSeconds(90));
		assertThat(result.exitCode()).as("%s", result).isZero();
		JsonNode report = this.json.readTree(result.stdout().strip().lines().reduce((a, b) -> b).orElseThrow());
		assertThat(report.get("ok").asBoolean()).isTrue();

		List<Map<String, Object>> rows = this.jdbc.sql("""
				select check_if_update_available, client_event_id, previous_client_event_id, signature::text as s
				from ping_details where product = 'acme' order by received_at""").query().listOfRows();
		assertThat(rows).hasSize(3);
		assertThat(rows).extracting((row) -> row.get("check_if_update_available")).containsExactly(true, false, false);
		assertThat(rows).extracting((row) -> row.get("s")).containsOnly(report.get("signature").asString());
		Object firstEvent = rows.get(0).get("client_event_id");
		assertThat(rows.subList(1, 3)).extracting((row) -> row.get("previous_client_event_id"))
			.containsAnyOf(firstEvent)
			.allSatisfy((previous) -> assertThat(previous).isIn(firstEvent, null, ""));
		assertThat(
				this.jdbc.sql("select count(*) from monthly_actives where product = 'acme'").query(Long.class).single())
			.isEqualTo(1);
	}

}
