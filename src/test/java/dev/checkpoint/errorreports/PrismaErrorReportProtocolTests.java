package dev.checkpoint.errorreports;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prisma CLI's crash report protocol over a real Tomcat: the three calls with the
 * CLI's exact query texts, GraphQL errors with 4xx statuses for everything else, signed
 * single-use upload URLs, and zips that are refused whole. Each test sends from its own
 * client address, so the rate limit only bites where a test wants it to.
 */
@CheckpointIntegrationTest(properties = { "checkpoint.rate-limits.client-ip-header=X-Forwarded-For",
		"checkpoint.rate-limits.limits.prisma-error-reports.capacity=40" })
class PrismaErrorReportProtocolTests {

	/** The query texts of prisma 5.22.0 (7.10.1 sends the same, whitespace aside). */
	static final String CREATE = "mutation ($data: CreateErrorReportInput!) {\n    createErrorReport(data: $data)\n  }";

	static final String COMPLETE = "mutation ($signedUrl: String!) {\n  markErrorReportCompleted(signedUrl: $signedUrl)\n}";

	static final String FINGERPRINT = "7b0c5a2e-3d4f-4a1b-9c8d-1e2f3a4b5c6d";

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	UploadTokens tokens;

	@Autowired
	ErrorReportsProperties properties;

	private final HttpClient http = HttpClient.newHttpClient();

	private String client = "";

	@BeforeEach
	void clean() {
		ErrorReportsApi.clean(this.jdbc);
		int n = CLIENTS.incrementAndGet();
		this.client = "198.51.100." + n;
	}

	@Test
	void shouldAnswerTheThreeCallsAsTheContractSays() throws Exception {
		HttpResponse<String> created = post("/", body(CREATE, Map.of("data", data())),
				Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "error-reports.prisma.sh"));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
		String url = this.json.readTree(created.body()).get("data").get("createErrorReport").asString();
		assertThat(url).matches("https://error-reports\\.prisma\\.sh/v1/prisma/error-reports/uploads/[A-Za-z0-9_.-]+");

		HttpResponse<String> uploaded = put(path(url),
				zip(Map.of("schema.prisma",
						"datasource db {\n  url = \"***\"\n"
								+ "  directUrl = \"postgresql://u:zip-secret-1@db/app\"\n}\n",
						"migration.sql", "-- token=zip-secret-2\nCREATE TABLE a (id int);\n")));
		assertThat(uploaded.statusCode()).isEqualTo(200);

		HttpResponse<String> completed = post("/", body(COMPLETE, Map.of("signedUrl", url)), Map.of());
		assertThat(completed.statusCode()).isEqualTo(200);
		JsonNode id = this.json.readTree(completed.body()).get("data").get("markErrorReportCompleted");
		assertThat(id.isInt()).isTrue();
		Map<String, Object> stored = this.jdbc.sql("""
				select number, product, version, consent, area, kind, signature::text as s, db_version, lift_request,
				       sql_dump, message, completed_at
				from error_reports""").query().singleRow();
		assertThat(stored).containsEntry("number", id.asLong())
			.containsEntry("product", "prisma")
			.containsEntry("version", "5.22.0")
			.containsEntry("consent", "prompt")
			.containsEntry("area", "LIFT_CLI")
			.containsEntry("kind", "RUST_PANIC")
			.containsEntry("s", FINGERPRINT)
			.containsEntry("db_version", "PostgreSQL 16.2");
		assertThat((String) stored.get("message")).isEqualTo("called `Option::unwrap()` on a `None` value\n"
				+ "thread 'main' panicked at schema-engine/core/src/state.rs:12:5:");
		assertThat((String) stored.get("sql_dump")).contains("password=[REDACTED]").doesNotContain("dump-secret");
		assertThat(String.join("\n",
				this.jdbc.sql("select content from error_report_attachments order by position")
					.query(String.class)
					.list()))
			.contains("postgresql://u:[REDACTED]@db/app", "token=[REDACTED]")
			.doesNotContain("zip-secret");
	}

	@Test
	void shouldServeTheSameEndpointUnderItsOwnPathBehindAProxy() throws Exception {
		HttpResponse<String> created = post("/v1/prisma/error-reports", body(CREATE, Map.of("data", data())),
				Map.of("Forwarded", "proto=https;host=crash.example.test"));
		assertThat(created.statusCode()).isEqualTo(200);
		String url = this.json.readTree(created.body()).get("data").get("createErrorReport").asString();
		assertThat(url).startsWith("https://crash.example.test/v1/prisma/error-reports/uploads/");

		HttpResponse<String> completed = post("/v1/prisma/error-reports", body(COMPLETE, Map.of("signedUrl", url)),
				Map.of());
		assertThat(completed.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(completed.body()).get("data").get("markErrorReportCompleted").asLong())
			.isEqualTo(this.jdbc.sql("select number from error_reports").query(Long.class).single());
	}

	@Test
	void shouldAnswerGraphQlErrorsWithClientStatusesForAnythingElse() throws Exception {
		ObjectNode noVersion = data();
		noVersion.remove("cliVersion");
		ObjectNode wrongType = data();
		wrongType.put("area", 5);
		ObjectNode blankVersion = data();
		blankVersion.put("cliVersion", " ");
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("not JSON", "mutation { createErrorReport }");
		bodies.put("a JSON array", "[]");
		bodies.put("no query", "{\"variables\":{}}");
		bodies.put("a query that is no string", "{\"query\":5}");
		bodies.put("variables that are no object", "{\"query\":\"{ ok }\",\"variables\":[1]}");
		bodies.put("duplicate keys", "{\"query\":\"{ ok }\",\"query\":\"{ ok }\"}");
		bodies.put("a syntax error", body("mutation ($data: CreateErrorReportInput!) {", Map.of("data", data())));
		bodies.put("an unknown field", body("mutation { dropDatabase }", Map.of()));
		bodies.put("a missing field", body(CREATE, Map.of("data", noVersion)));
		bodies.put("a wrongly typed field", body(CREATE, Map.of("data", wrongType)));
		bodies.put("a blank version", body(CREATE, Map.of("data", blankVersion)));
		bodies.put("no variables", body(CREATE, Map.of()));
		for (Map.Entry<String, String> bad : bodies.entrySet()) {
			HttpResponse<String> response = post("/", bad.getValue(), Map.of("Accept", "text/html"));
			assertThat(response.statusCode()).as(bad.getKey()).isBetween(400, 499);
			assertGraphQlErrors(response, bad.getKey());
		}
		HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/")).GET());
		assertThat(get.statusCode()).isEqualTo(405);
		assertThat(get.headers().firstValue("Allow")).hasValue("POST");
		assertGraphQlErrors(get, "GET /");
		HttpResponse<String> delete = send(HttpRequest.newBuilder(uri("/v1/prisma/error-reports")).DELETE());
		assertThat(delete.statusCode()).isEqualTo(405);
		assertGraphQlErrors(delete, "DELETE");
		HttpResponse<String> huge = post("/", "{\"query\":\"" + "x".repeat(70_000) + "\"}", Map.of());
		assertThat(huge.statusCode()).isEqualTo(413);
		assertGraphQlErrors(huge, "too large");
		assertThat(this.jdbc.sql("select count(*) from error_reports").query(Long.class).single()).isZero();
	}

	@Test
	void shouldRefuseToCompleteUrlsItNeverIssuedOrCompletedAlready() throws Exception {
		String url = create();
		String token = url.substring(url.lastIndexOf('/') + 1);
		String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
		String expired = url.replace(token,
				this.tokens.sign(reportId(), Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)));
		for (String never : List.of("https://error-reports.prisma.sh/", "not a url at all",
				"https://error-reports.prisma.sh/v1/prisma/error-reports/uploads/" + forged,
				"https://error-reports.prisma.sh/v1/prisma/error-reports/uploads/"
						+ this.tokens.sign(UUID.randomUUID(), Instant.now().plusSeconds(600)))) {
			HttpResponse<String> response = post("/", body(COMPLETE, Map.of("signedUrl", never)), Map.of());
			assertThat(response.statusCode()).as(never).isEqualTo(404);
			assertGraphQlErrors(response, never);
		}
		HttpResponse<String> late = post("/", body(COMPLETE, Map.of("signedUrl", expired)), Map.of());
		assertThat(late.statusCode()).isEqualTo(400);
		assertThat(late.body()).contains("expired");

		assertThat(post("/", body(COMPLETE, Map.of("signedUrl", url)), Map.of()).statusCode()).isEqualTo(200);
		HttpResponse<String> again = post("/", body(COMPLETE, Map.of("signedUrl", url)), Map.of());
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("completed already");
	}

	@Test
	void shouldRefuseUnsafeZipsWholeAndKeepTheUrlUnused() throws Exception {
		String upload = path(create());
		Map<String, byte[]> refused = new LinkedHashMap<>();
		refused.put("not a zip (400)", "just text".getBytes(StandardCharsets.UTF_8));
		refused.put("a broken zip (400)", new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7 });
		refused.put("a bomb (413)", zip(Map.of("schema.prisma", "model A { id Int @id }\n" + " ".repeat(5_000_000))));
		refused.put("too many files (413)", manyFiles(this.properties.upload().maxEntries() + 1));
		refused.put("a binary file (415)", zipOfBytes("schema.prisma", new byte[] { 0, 1, 2, (byte) 0xff }));
		for (String name : List.of("../migration.sql", "/etc/passwd", "migrations/1/migration.sql",
				"C:\\Users\\x\\schema.prisma", "..", "dir/", "a\u0001b.sql")) {
			refused.put("name " + name + " (400)", zip(Map.of("schema.prisma", "ok", name, "x")));
		}
		for (Map.Entry<String, byte[]> bad : refused.entrySet()) {
			HttpResponse<String> response = put(upload, bad.getValue());
			int expected = Integer.parseInt(bad.getKey().replaceAll(".*\\((\\d{3})\\)$", "$1"));
			assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(expected);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		assertThat(this.jdbc.sql("select count(*) from error_report_attachments").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from error_reports where uploaded_at is null")
			.query(Long.class)
			.single()).isOne();

		HttpResponse<String> tooLarge = put(upload, new byte[(int) this.properties.upload().maxSize().toBytes() + 1]);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(put(upload, zip(Map.of("schema.prisma", "model A { id Int @id }"))).statusCode()).isEqualTo(200);
		assertThat(put(upload, zip(Map.of("schema.prisma", "model B { id Int @id }"))).statusCode()).isEqualTo(409);
		assertThat(this.jdbc.sql("select content from error_report_attachments").query(String.class).list())
			.containsExactly("model A { id Int @id }");
	}

	@Test
	void shouldRefuseUploadsToUrlsItNeverIssuedOrThatExpired() throws Exception {
		create();
		byte[] zip = zip(Map.of("schema.prisma", "model A { id Int @id }"));
		assertThat(put("/v1/prisma/error-reports/uploads/nonsense", zip).statusCode()).isEqualTo(404);
		assertThat(put(PrismaErrorReportService.UPLOADS_PATH
				+ this.tokens.sign(UUID.randomUUID(), Instant.now().plusSeconds(600)), zip)
			.statusCode()).isEqualTo(404);
		assertThat(put(
				PrismaErrorReportService.UPLOADS_PATH
						+ this.tokens.sign(reportId(), Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS)),
				zip)
			.statusCode()).isEqualTo(410);
	}

	@Test
	void shouldAnswerTooManyRequestsAsAGraphQlError() throws Exception {
		HttpResponse<String> last = null;
		for (int i = 0; i <= 40; i++) {
			last = post("/", body("{ ok }", Map.of()), Map.of());
		}
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
		assertGraphQlErrors(last, "rate limited");
	}

	@Test
	void shouldShareTheSigningKeyBetweenInstancesAndRestarts() throws Exception {
		String url = create();
		String token = url.substring(url.lastIndexOf('/') + 1);
		UploadTokens otherInstance = new UploadTokens(this.jdbc, this.properties);
		assertThat(otherInstance.verify(token)).map(UploadTokens.Signed::reportId).hasValue(reportId());
		assertThat(this.jdbc.sql("select count(*) from error_report_keys").query(Long.class).single()).isOne();
	}

	@Test
	void shouldEraseReportsAndAttachmentsWithTheirSignature() throws Exception {
		String url = create();
		assertThat(put(path(url), zip(Map.of("schema.prisma", "model A { id Int @id }"))).statusCode()).isEqualTo(200);
		HttpResponse<String> erased = send(
				HttpRequest.newBuilder(uri("/api/privacy/signatures/" + FINGERPRINT)).DELETE());
		assertThat(erased.statusCode()).isEqualTo(204);
		assertThat(this.jdbc.sql("select count(*) from error_reports").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from error_report_attachments").query(Long.class).single()).isZero();
	}

	@Test
	void shouldShowReportsAndAttachmentsToOperatorsByNumber() throws Exception {
		String url = create();
		put(path(url), zip(Map.of("schema.prisma", "directUrl = \"postgresql://u:op-secret@db/app\"")));
		long number = this.json.readTree(post("/", body(COMPLETE, Map.of("signedUrl", url)), Map.of()).body())
			.get("data")
			.get("markErrorReportCompleted")
			.asLong();

		HttpResponse<String> report = operator("/api/error-reports/reports/" + number, "application/json");
		assertThat(report.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(report.body());
		assertThat(body.get("number").asLong()).isEqualTo(number);
		assertThat(body.get("consent").asString()).isEqualTo("prompt");
		assertThat(body.get("prisma").get("area").asString()).isEqualTo("LIFT_CLI");
		assertThat(body.get("prisma").get("rust_stack_trace").asString()).contains("panicked at");
		assertThat(body.get("completed_at").isNull()).isFalse();
		assertThat(body.get("attachments").get(0).get("name").asString()).isEqualTo("schema.prisma");

		String attachment = "/api/error-reports/reports/" + number + "/attachments/0";
		HttpResponse<String> text = operator(attachment, "text/plain");
		assertThat(text.statusCode()).isEqualTo(200);
		assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
		assertThat(text.body()).isEqualTo("directUrl = \"postgresql://u:[REDACTED]@db/app\"");
		assertThat(operator(attachment + "?download=true", "*/*").headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("attachment; filename=\"schema.prisma\""));
		assertThat(operator("/api/error-reports/reports/" + number + "/attachments/1", "*/*").statusCode())
			.isEqualTo(404);
		assertThat(send(HttpRequest.newBuilder(uri(attachment))).statusCode()).isEqualTo(401);
	}

	/** A complete createErrorReport input, as the CLI sends it for a migrate panic. */
	private ObjectNode data() {
		ObjectNode data = this.json.createObjectNode();
		data.put("area", "LIFT_CLI");
		data.put("kind", "RUST_PANIC");
		data.put("cliVersion", "5.22.0");
		data.put("binaryVersion", "605197351a3c8bdd595af2d2a9bc3025bca48ea2");
		data.put("command", "migrate dev --name init");
		data.put("jsStackTrace", "RustPanic: called `Option::unwrap()` on a `None` value\n"
				+ "    at handlePanic (/home/alice/app/node_modules/prisma/build/index.js:10:1)");
		data.put("rustStackTrace", """
				thread 'main' panicked at schema-engine/core/src/state.rs:12:5:
				called `Option::unwrap()` on a `None` value
				stack backtrace:
				   0: std::panicking::begin_panic_handler
				             at /rustc/abc/library/std/src/panicking.rs:665:5
				   1: schema_core::state::EngineState::new::h0123456789abcdef
				             at schema-engine/core/src/state.rs:12:5""");
		data.put("operatingSystem", "x64 linux 6.1.0");
		data.put("platform", "debian-openssl-3.0.x");
		data.put("liftRequest", "{\"method\":\"devDiagnostic\"}");
		data.put("fingerprint", FINGERPRINT);
		data.put("sqlDump", "-- dumped with password=dump-secret\nCREATE TABLE a (id int);");
		data.put("dbVersion", "PostgreSQL 16.2");
		return data;
	}

	private String create() throws Exception {
		HttpResponse<String> created = post("/", body(CREATE, Map.of("data", data())), Map.of());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		return this.json.readTree(created.body()).get("data").get("createErrorReport").asString();
	}

	private UUID reportId() {
		return this.jdbc.sql("select id from error_reports").query(UUID.class).single();
	}

	private String body(String query, Map<String, Object> variables) {
		return this.json.writeValueAsString(Map.of("query", query, "variables", variables));
	}

	private void assertGraphQlErrors(HttpResponse<String> response, String what) {
		assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/json");
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("errors").isArray()).as(what).isTrue();
		assertThat(body.get("errors").get(0).get("message").asString()).as(what).isNotBlank();
	}

	private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request);
	}

	private HttpResponse<String> put(String path, byte[] body) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpResponse<String> operator(String path, String accept) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer test-bootstrap-admin-token-0123456789abcdef")
			.header("Accept", accept));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.header("X-Forwarded-For", this.client).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String path(String url) {
		return URI.create(url).getRawPath();
	}

	static byte[] zip(Map<String, String> files) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static byte[] zipOfBytes(String name, byte[] content) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static byte[] manyFiles(int count) throws Exception {
		Map<String, String> files = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			files.put("migration" + i + ".sql", "select " + i + ";");
		}
		return zip(files);
	}

}
