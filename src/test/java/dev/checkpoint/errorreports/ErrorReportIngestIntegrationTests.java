package dev.checkpoint.errorreports;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.checkpoint.errorreports.ErrorReportsApi.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest
class ErrorReportIngestIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ErrorReportService service;

	ErrorReportsApi api;

	@BeforeEach
	void cleanUp() {
		this.api = new ErrorReportsApi(this.mvc, this.jdbc, this.json);
		this.api.clean();
	}

	@Test
	void shouldStoreReportAndAnswerCreatedWhenConsentIsTrue() {
		MvcTestResult result = this.api.send(this.api.report().toString());
		assertThat(result).hasStatus(201).hasContentType(MediaType.APPLICATION_JSON);
		UUID id = UUID.fromString(this.api.body(result).get("id").asString());
		assertThat(result).hasHeader("Location", "http://localhost/api/error-reports/reports/" + id);
		Map<String, Object> row = this.jdbc.sql("select * from error_reports where id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("product", PRODUCT)
			.containsEntry("version", "6.1.0")
			.containsEntry("os", "linux")
			.containsEntry("arch", "x64")
			.containsEntry("node_version", "v20.11.0")
			.containsEntry("signature", UUID.fromString("0d3b2a1c-1111-4222-8333-944445555666"))
			.containsEntry("command", "prisma migrate dev --name init")
			.containsEntry("message", "Cannot read properties of undefined (reading 'id')");
		assertThat((String) row.get("stack_trace")).contains("at migrate (/home/[USER]/project/");
		Map<String, Object> group = this.jdbc.sql("select * from error_groups").query().singleRow();
		assertThat(group).containsEntry("id", row.get("group_id"))
			.containsEntry("product", PRODUCT)
			.containsEntry("title", "Cannot read properties of undefined (reading 'id')")
			.containsEntry("report_count", 1L)
			.containsEntry("resolved_at", null);
		assertThat((String) group.get("fingerprint")).matches("[0-9a-f]{64}");
	}

	@ParameterizedTest(name = "[{index}] consent {0}")
	@ValueSource(strings = { "missing", "false", "\"true\"", "null", "1", "{}" })
	void shouldRefuseWithConsentProblemAndStoreNothingWhenConsentIsNotTrue(String consent) {
		ObjectNode report = this.api.report();
		report.remove("consent");
		String body = "missing".equals(consent) ? report.toString()
				: report.toString().replaceFirst("}$", ", \"consent\": " + consent + "}");
		MvcTestResult result = this.api.send(body);
		assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://checkpoint.dev/problems/consent-required");
		assertThat(this.api.count("error_reports")).isZero();
		assertThat(this.api.count("error_groups")).isZero();
	}

	@Test
	void shouldRefuseWithMalformedProblemAndStoreNothingWhenAKeyIsRepeated() {
		ObjectNode report = this.api.report();
		report.remove("consent");
		String body = "{\"consent\": false, "
				+ report.toString().substring(1).replaceFirst("}$", ", \"consent\": true}");
		MvcTestResult result = this.api.send(body);
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://checkpoint.dev/problems/malformed-request");
		assertThat(this.api.count("error_reports")).isZero();
	}

	@Test
	void shouldRefuseWithValidationProblemWhenRequiredValuesAreMissingOrWronglyTyped() {
		ObjectNode report = this.api.report();
		report.remove("version");
		report.put("error_message", "  ");
		MvcTestResult blank = this.api.send(report.toString());
		assertThat(blank).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(blank).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/validation");
		assertThat(blank).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("error_message", "version");
		report = this.api.report();
		report.putObject("os").putArray("nested").add(1).addObject().put("deeper", true);
		report.put("arch", 64);
		assertThat(this.api.send(report.toString())).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].message")
			.asArray()
			.containsExactly("must be a string", "must be a string");
		assertThat(this.api.count("error_reports")).isZero();
	}

	@Test
	void shouldRefuseWithValidationProblemWhenBodyNamesAnotherProduct() {
		ObjectNode report = this.api.report();
		report.put("product", "someone-else");
		assertThat(this.api.send(report.toString())).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("product");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{not json", "[]", "\"consent\"", "", "{\"consent\": true, \"version\": \"1\"" })
	void shouldRefuseWithMalformedProblemWhenBodyIsNotAJsonObject(String body) {
		MvcTestResult result = this.api.send(body);
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://checkpoint.dev/problems/malformed-request");
	}

	@Test
	void shouldRefuseWithPayloadTooLargeWhenBodyExceeds64KiB() {
		ObjectNode report = this.api.report();
		report.put("stack_trace", "x".repeat(64 * 1024));
		MvcTestResult result = this.api.send(report.toString());
		assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://checkpoint.dev/problems/payload-too-large");
		assertThat(this.api.count("error_reports")).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bad name!", "...", "a-product-name-that-is-far-too-long-for-any-product-to-have-it-yes" })
	void shouldAnswerNotFoundWhenProductNameIsImpossible(String product) {
		MvcTestResult result = this.api.send(product, this.api.report().toString());
		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void shouldStripNulCharactersAndTruncateLongTextWhenStoring() {
		ObjectNode report = this.api.report();
		report.put("error_message", "bo\u0000om " + "m".repeat(5000));
		report.put("stack_trace", "s\u0000" + "s".repeat(40 * 1024) + "\u0000");
		report.put("command", "c".repeat(5000));
		report.put("os", "o".repeat(300));
		report.put("signature", "not-a-uuid");
		UUID id = this.api.store(report);
		Map<String, Object> row = this.jdbc.sql("select * from error_reports where id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat((String) row.get("message")).startsWith("boom ").hasSize(4096);
		assertThat((String) row.get("stack_trace")).hasSize(32 * 1024).doesNotContain("\u0000");
		assertThat((String) row.get("command")).hasSize(4096);
		assertThat((String) row.get("os")).hasSize(128);
		assertThat(row.get("signature"))
			.isEqualTo(UUID.nameUUIDFromBytes("not-a-uuid".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void shouldStoreNoSecretWhenReportContainsThem() {
		ObjectNode report = this.api.report();
		report.put("error_message",
				"P1000: Authentication failed for postgresql://app:S3cretPass@db.internal:5432/app (token=tok_live_123)");
		report.put("stack_trace", """
				Error: request failed
				    at fetch (/Users/alice/work/app/node_modules/undici/index.js:1:2)
				    at login (C:\\Users\\alice\\app\\auth.js:10:5) with Authorization: Bearer abc.def.ghi""");
		report.put("command",
				"prisma db pull --url mysql://root:hunter2@localhost/db NPM_TOKEN=npm_0123456789abcdefghijABCDEFGHIJ0123 "
						+ "gh ghp_0123456789abcdefghijABCDEFGHIJ0123 AKIAIOSFODNN7EXAMPLE "
						+ "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl api_key=k123 password=pw123");
		UUID id = this.api.store(report);
		String stored = this.jdbc
			.sql("select concat_ws(' ', message, stack_trace, command) from error_reports where id = ?")
			.param(id)
			.query(String.class)
			.single();
		String title = this.jdbc.sql("select title from error_groups").query(String.class).single();
		for (String secret : new String[] { "S3cretPass", "tok_live_123", "alice", "abc.def.ghi", "hunter2", "npm_0123",
				"ghp_0123", "AKIAIOSFODNN7EXAMPLE", "eyJhbGci", "k123", "pw123" }) {
			assertThat(stored).doesNotContain(secret);
			assertThat(title).doesNotContain(secret);
		}
		assertThat(stored).contains("postgresql://app:[REDACTED]@db.internal:5432/app", "/Users/[USER]/work",
				"C:\\Users\\[USER]\\app", "Bearer [REDACTED]", "mysql://root:[REDACTED]@localhost/db");
	}

	@Test
	void shouldShareGroupWhenReportsDifferOnlyInNumbersLinesAndUserPaths() {
		ObjectNode first = this.api.report();
		first.put("error_message", "Timed out after 3000 ms fetching /home/alice/app/schema.prisma:3:1");
		ObjectNode second = this.api.report();
		second.put("error_message", "Timed out after 10000 ms fetching /home/bob/app/schema.prisma:9:27");
		second.put("stack_trace",
				second.get("stack_trace").asString().replace("alice", "bob").replace(":1200:15", ":77:3"));
		ObjectNode otherTopFrame = this.api.report();
		otherTopFrame.put("error_message", first.get("error_message").asString());
		otherTopFrame.put("stack_trace", otherTopFrame.get("stack_trace").asString().replace("at migrate", "at push"));
		UUID a = this.api.store(first);
		UUID b = this.api.store(second);
		UUID c = this.api.store(otherTopFrame);
		assertThat(this.api.groupOf(a)).isEqualTo(this.api.groupOf(b)).isNotEqualTo(this.api.groupOf(c));
		assertThat(this.jdbc.sql("select report_count from error_groups where id = ?")
			.param(this.api.groupOf(a))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void shouldCountEveryReportInOneGroupWhenSameCrashArrivesConcurrently() throws Exception {
		ErrorReportRequest crash = new ErrorReportRequest(PRODUCT, "6.1.0", "linux", "x64", null, null, null,
				"Concurrent crash 42", "Error\n    at race (/home/alice/race.js:1:1)");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<ErrorReportService.StoredReport>> senders = Collections.nCopies(24,
					() -> this.service.receive(crash.toCrashReport(PRODUCT)));
			for (Future<ErrorReportService.StoredReport> sent : pool.invokeAll(senders)) {
				assertThat(sent.get()).isNotNull();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("select report_count from error_groups").query(Long.class).list())
			.containsExactly(24L);
		assertThat(this.api.count("error_reports")).isEqualTo(24);
	}

}
