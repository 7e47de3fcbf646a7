package dev.checkpoint.errorreports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.ExternalProgram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real, unmodified npm {@code prisma} CLI 5.22.0 (schema in the report and a zip
 * upload) and 7.10.1 (neither) crash on purpose, ask "Submit error report?" under a
 * pseudo-terminal, are answered with Enter and reach this server through a
 * TLS-terminating CONNECT proxy for {@code error-reports.prisma.sh}
 * (src/test/node/prisma-cli/crash-report.mjs does the client side). With {@code CI=true}
 * the CLI must neither ask nor send.
 */
@CheckpointIntegrationTest
class PrismaCliCrashReportIT {

	private static final Path CLI_DIR = Path.of("src/test/node/prisma-cli");

	private static final Path PROJECTS = Path.of("src/test/resources/prisma-cli");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void installCli() throws Exception {
		assumeTrue(
				ExternalProgram.onPath("node") && ExternalProgram.onPath("npm") && ExternalProgram.onPath("openssl")
						&& ExternalProgram.onPath("script"),
				"Node.js, npm, openssl or script(1) is missing: skipping the Prisma CLI crash report test");
		if (!Files.isDirectory(CLI_DIR.resolve("node_modules/prisma5"))
				|| !Files.isDirectory(CLI_DIR.resolve("node_modules/prisma7"))) {
			// --ignore-scripts: the engines' postinstall would download binaries; the
			// crash
			// needs none (the schema engine is wasm inside the CLI)
			ExternalProgram.Result install = ExternalProgram.run(
					List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", CLI_DIR.toString()),
					Map.of(), Duration.ofMinutes(8));
			assertThat(install.exitCode()).as("npm ci: %s", install).isZero();
		}
	}

	@BeforeEach
	void clean() {
		ErrorReportsApi.clean(this.jdbc);
	}

	@Test
	void shouldReceivePrisma5ReportWithRedactedSchemaAndMigrations() throws Exception {
		JsonNode run = crash("5", "prisma5", false);
		Map<String, Object> stored = storedReport(run);

		assertThat(stored).containsEntry("product", "prisma")
			.containsEntry("version", "5.22.0")
			.containsEntry("consent", "prompt")
			.containsEntry("area", "FMT_CLI")
			.containsEntry("kind", "RUST_PANIC")
			.containsEntry("command", "format --schema prisma/schema.prisma")
			.containsEntry("platform", "debian-openssl-3.0.x")
			.containsEntry("os", "linux")
			.containsEntry("arch", "x64");
		assertThat((String) stored.get("message")).startsWith("This is the panic triggered by");
		assertThat((String) stored.get("rust_stack_trace")).contains("panicked at prisma-schema-wasm");
		assertThat((String) stored.get("stack_trace")).startsWith("RustPanic: RuntimeError");
		assertThat(stored.get("binary_version")).asString().matches("[0-9a-f]{40}");
		assertThat(stored.get("uploaded_at")).isNotNull();
		assertThat(stored.get("completed_at")).isNotNull();
		assertThat(run.get("requests")).extracting((request) -> request.get("method").asString())
			.containsExactly("POST", "PUT", "POST");

		List<Map<String, Object>> attachments = attachments(stored);
		assertThat(attachments).extracting((row) -> row.get("name"))
			.containsExactlyInAnyOrder("schema.prisma", "migration_lock.toml", "migration.sql", "migration.sql");
		String all = String.join("\n", attachments.stream().map((row) -> (String) row.get("content")).toList());
		assertThat(all).contains("postgresql://app:[REDACTED]@db.internal:5432/app",
				"postgresql://app:[REDACTED]@db.internal:5432/shadow", "password=[REDACTED]",
				"ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;", "model User");
		assertThat(all).doesNotContain("url-secret-5f1c", "direct-secret-7d2e", "shadow-secret-9a4b",
				"sql-comment-secret-3c8d");
	}

	@Test
	void shouldReceivePrisma7ReportWithoutZip() throws Exception {
		JsonNode run = crash("7", "prisma7", false);
		Map<String, Object> stored = storedReport(run);

		assertThat(stored).containsEntry("product", "prisma")
			.containsEntry("version", "7.10.1")
			.containsEntry("consent", "prompt")
			.containsEntry("area", "FMT_CLI")
			.containsEntry("kind", "RUST_PANIC");
		assertThat(stored.get("uploaded_at")).isNull();
		assertThat(stored.get("completed_at")).isNotNull();
		assertThat(attachments(stored)).isEmpty();
		assertThat(run.get("requests")).extracting((request) -> request.get("method").asString())
			.containsExactly("POST", "POST");
	}

	@Test
	void shouldNeitherAskNorSendWhenCiIsSet() throws Exception {
		JsonNode run = crash("5", "prisma5", true);

		assertThat(run.get("prompted").asBoolean()).isFalse();
		assertThat(run.get("output").asString()).contains("panicked").doesNotContain("Submit error report");
		assertThat(run.get("requests")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from error_reports").query(Long.class).single()).isZero();
	}

	private JsonNode crash(String cli, String project, boolean ci) throws Exception {
		List<String> command = new ArrayList<>(List.of("node", CLI_DIR.resolve("crash-report.mjs").toString(),
				"--server", "http://127.0.0.1:" + this.port, "--cli", cli, "--project",
				PROJECTS.resolve(project).toString(), "--timeout-ms", "120000"));
		if (ci) {
			command.add("--ci");
		}
		ExternalProgram.Result result = ExternalProgram.run(command, Map.of(), Duration.ofMinutes(3));
		assertThat(result.exitCode()).as("%s", result).isZero();
		JsonNode run = this.json.readTree(result.stdout().strip().lines().reduce((a, b) -> b).orElseThrow());
		assertThat(run.get("ok").asBoolean()).as("%s", run).isTrue();
		assertThat(run.get("refused")).as("connections to other hosts: %s", run).isEmpty();
		return run;
	}

	/** The stored report whose number the CLI printed, sent under the CLI's signature. */
	private Map<String, Object> storedReport(JsonNode run) {
		assertThat(run.get("prompted").asBoolean()).as("%s", run).isTrue();
		String output = run.get("output").asString();
		assertThat(output).contains("We successfully received the error report id: ");
		long number = Long.parseLong(run.get("report_id").asString());
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select id, number, product, version, consent, area, kind, command, platform, os, arch, message,
				       rust_stack_trace, stack_trace, binary_version, uploaded_at, completed_at, signature::text as s
				from error_reports""").query().listOfRows();
		assertThat(rows).hasSize(1);
		Map<String, Object> stored = rows.get(0);
		assertThat(stored.get("number")).isEqualTo(number);
		assertThat(stored.get("s")).isEqualTo(run.get("signature").asString());
		return stored;
	}

	private List<Map<String, Object>> attachments(Map<String, Object> report) {
		return this.jdbc.sql("select name, content from error_report_attachments where report_id = ? order by position")
			.param(report.get("id"))
			.query()
			.listOfRows();
	}

}
