package dev.checkpoint.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.catalog.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest
@Sql({ "/fixtures/acme-catalog.sql", "/fixtures/clean-pings.sql" })
class CheckIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Catalog catalog;

	@BeforeEach
	void refreshCatalog() {
		this.catalog.refresh();
	}

	@Test
	void shouldAnswerWithExactlyTypedBodyForKnownProduct() {
		JsonNode body = getJson("/v1/check/acme?version=1.9.0&os=linux&arch=x64&signature=" + UUID.randomUUID()
				+ "&client_event_id=e1&previous_client_event_id=e0&cli_path_hash=c1&local_timestamp=2024-06-05T10:00:00Z");
		assertThat(body.properties().stream().map(Map.Entry::getKey)).containsExactlyInAnyOrder("product",
				"current_version", "current_release", "current_release_date", "current_download_url",
				"current_changelog_url", "project_website", "outdated", "alerts", "package", "release_tag",
				"install_command", "previous_version", "client_event_id", "previous_client_event_id", "cli_path_hash",
				"local_timestamp");
		assertThat(body.get("current_version").asString()).isEqualTo("2.0.0");
		assertThat(body.get("current_release").isIntegralNumber()).isTrue();
		assertThat(body.get("current_release").asLong()).isEqualTo(1717200000L);
		assertThat(body.get("current_release_date").asLong()).isEqualTo(1717200000L);
		assertThat(body.get("outdated").isBoolean()).isTrue();
		assertThat(body.get("outdated").asBoolean()).isTrue();
		assertThat(body.get("current_download_url").asString()).isEqualTo("https://acme.test/2.0.0");
		assertThat(body.get("current_changelog_url").asString()).isEmpty();
		assertThat(body.get("project_website").asString()).isEqualTo("https://acme.test");
		assertThat(body.get("package").asString()).isEqualTo("acme-cli");
		assertThat(body.get("release_tag").asString()).isEqualTo("latest");
		assertThat(body.get("install_command").asString()).isEqualTo("npm install acme-cli@latest");
		assertThat(body.get("previous_version").asString()).isEqualTo("1.9.0");
		assertThat(body.get("client_event_id").asString()).isEqualTo("e1");
		assertThat(body.get("previous_client_event_id").asString()).isEqualTo("e0");
		assertThat(body.get("cli_path_hash").asString()).isEqualTo("c1");
		assertThat(body.get("local_timestamp").asString()).isEqualTo("2024-06-05T10:00:00Z");
		JsonNode alert = body.get("alerts").get(0);
		assertThat(body.get("alerts").size()).isEqualTo(1);
		assertThat(alert.get("id").isInt()).isTrue();
		assertThat(alert.get("id").asInt()).isEqualTo(101);
		assertThat(alert.get("date").isIntegralNumber()).isTrue();
		assertThat(alert.get("date").asLong()).isEqualTo(1717286400L);
		assertThat(alert.get("level").asString()).isEqualTo("warning");
		assertThat(alert.get("url").asString()).isEqualTo("https://acme.test/sa-101");
	}

	@Test
	void shouldStoreThePingAndCountTheSignatureWhenChecked() {
		getJson("/v1/check/acme?version=2.0.0&os=darwin&arch=arm64&signature=6ba7b810-9dad-41d1-80b4-00c04fd430c8"
				+ "&ci=true&ci_name=GitHub%20Actions&command=migrate%20dev&schema_providers=postgresql"
				+ "&schema_providers=sqlite&check_if_update_available=true&project_hash=p1");
		Map<String, Object> row = this.jdbc.sql("""
				select product, version, os, arch, signature::text as signature, ci, ci_name, command,
				  array_to_string(schema_providers, ',') as providers, check_if_update_available, project_hash, kind
				from ping_details""").query().singleRow();
		assertThat(row).containsEntry("product", "acme")
			.containsEntry("version", "2.0.0")
			.containsEntry("os", "darwin")
			.containsEntry("arch", "arm64")
			.containsEntry("signature", "6ba7b810-9dad-41d1-80b4-00c04fd430c8")
			.containsEntry("ci", true)
			.containsEntry("ci_name", "GitHub Actions")
			.containsEntry("command", "migrate dev")
			.containsEntry("providers", "postgresql,sqlite")
			.containsEntry("check_if_update_available", true)
			.containsEntry("project_hash", "p1")
			.containsEntry("kind", 1);
		assertThat(this.jdbc.sql("select count(*) from monthly_actives where product = 'acme' and not non_ci")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldNotRepeatANoticeToTheSameSignature() {
		String signature = UUID.randomUUID().toString();
		JsonNode first = getJson("/v1/check/acme?version=1.9.0&os=linux&signature=" + signature);
		JsonNode second = getJson("/v1/check/acme?version=1.9.0&os=linux&signature=" + signature);
		assertThat(first.get("alerts").findValuesAsString("level")).containsExactly("warning");
		assertThat(second.get("alerts").size()).isZero();
		assertThat(second.get("current_version").asString()).isEqualTo("2.0.0");
		assertThat(second.get("outdated").asBoolean()).isTrue();
		JsonNode other = getJson("/v1/check/acme?version=1.9.0&os=linux&signature=" + UUID.randomUUID());
		assertThat(other.get("alerts").size()).isEqualTo(1);
	}

	@Test
	void shouldRepeatNoticesWhenThereIsNoSignature() {
		assertThat(getJson("/v1/check/acme?version=1.9.0&signature=").get("alerts").size()).isEqualTo(1);
		assertThat(getJson("/v1/check/acme?version=1.9.0&signature=").get("alerts").size()).isEqualTo(1);
	}

	@Test
	void shouldAnswerDevChannelToDevClient() {
		JsonNode body = getJson("/v1/check/acme?version=2.1.0-dev.1&os=linux&arch=x64");
		assertThat(body.get("current_version").asString()).isEqualTo("2.1.0-dev.3");
		assertThat(body.get("release_tag").asString()).isEqualTo("dev");
		assertThat(body.get("outdated").asBoolean()).isTrue();
		assertThat(body.get("install_command").asString()).isEqualTo("npm install acme-cli@dev");
	}

	@Test
	void shouldSelectNoticesByVersionAndOs() {
		JsonNode current = getJson("/v1/check/acme?version=2.0.0&os=win32&arch=x64");
		assertThat(current.get("outdated").asBoolean()).isFalse();
		assertThat(current.get("alerts").findValuesAsString("level")).containsExactly("critical");
		JsonNode linux = getJson("/v1/check/acme?version=2.0.0&os=linux&arch=x64");
		assertThat(linux.get("alerts").size()).isZero();
	}

	@Test
	void shouldTreatUnparseableVersionAsNotOutdated() {
		JsonNode body = getJson("/v1/check/acme?version=banana&os=linux");
		assertThat(body.get("outdated").asBoolean()).isFalse();
		assertThat(body.get("current_version").asString()).isEqualTo("2.0.0");
		assertThat(body.get("previous_version").asString()).isEqualTo("banana");
	}

	@Test
	void shouldAnswerNeutralBodyAndStoreNothingForUnknownProductByDefault() {
		JsonNode body = getJson("/v1/check/nobody-knows?version=3.1.4&signature=");
		assertThat(body.get("product").asString()).isEqualTo("nobody-knows");
		assertThat(body.get("current_version").asString()).isEqualTo("3.1.4");
		assertThat(body.get("outdated").asBoolean()).isFalse();
		assertThat(body.get("alerts").isArray()).isTrue();
		assertThat(body.get("alerts").size()).isZero();
		assertThat(body.get("package").asString()).isEmpty();
		assertThat(body.get("release_tag").asString()).isEqualTo("latest");
		assertThat(body.get("current_release").asLong()).isZero();
		assertThat(body.get("current_release_date").asLong()).isZero();
		assertThat(this.jdbc.sql("select count(*) from ping_details where product = 'nobody-knows'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from monthly_anonymous where product = 'nobody-knows'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldAcceptRequestWithNoQueryAtAll() {
		JsonNode body = getJson("/v1/check/acme");
		assertThat(body.get("current_version").asString()).isEqualTo("2.0.0");
		assertThat(body.get("previous_version").asString()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void shouldRefuseAbsurdProductNameWithProblem() {
		MvcTestResult result = this.mvc.get().uri("/v1/check/{p}", "a".repeat(65)).exchange();
		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("type").isEqualTo("https://checkpoint.dev/problems/not-found");
		assertThat(this.mvc.get().uri("/v1/check/{p}", "bad name!")).hasStatus(404);
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isZero();
	}

	@Test
	void shouldRefuseControlCharactersInParameterNamesAsProblem() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> name = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/check/acme?version=1.0.0&na%01me=x"))
			.build(), BodyHandlers.ofString());
		assertThat(name.statusCode()).isEqualTo(400);
		assertThat(name.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		HttpResponse<String> tab = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/check/acme?version=1.0.0&name=x%09y"))
			.header("User-Agent", "Go\tclient")
			.build(), BodyHandlers.ofString());
		assertThat(tab.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isOne();
	}

	@Test
	void shouldStoreRetriedClientEventOnce() {
		getJson("/v1/check/acme?version=2.0.0&signature=s1&client_event_id=retry-1");
		getJson("/v1/check/acme?version=2.0.0&signature=s1&client_event_id=retry-1");
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void shouldTruncateLongValuesInsteadOfRejecting() {
		String command = "x".repeat(10_000);
		JsonNode body = getJson("/v1/check/acme?version=2.0.0&command=" + command);
		assertThat(body.get("current_version").asString()).isEqualTo("2.0.0");
		assertThat(this.jdbc.sql("select length(command) from pings").query(Integer.class).single())
			.isEqualTo(PingFactory.LONG_LIMIT);
	}

	@Test
	void shouldAcceptJsonPingAndAnswerLikeGet() {
		MvcTestResult result = this.mvc.post().uri("/v1/check/acme").contentType(MediaType.APPLICATION_JSON).content("""
				{"product":"acme","version":"1.9.0","arch":"x64","os":"linux","node_version":"v20.1.0",
				 "signature":"6ba7b810-9dad-41d1-80b4-00c04fd430c8","user_agent":"acme/1.9.0",
				 "timestamp":"2024-06-05T10:00:00+02:00"}""").exchange();
		assertThat(result).hasStatusOk().bodyJson().extractingPath("outdated").isEqualTo(true);
		Map<String, Object> row = this.jdbc.sql(
				"select node_version, user_agent, client_timestamp = timestamptz '2024-06-05T08:00:00Z' as ts from ping_details")
			.query()
			.singleRow();
		assertThat(row).containsEntry("node_version", "v20.1.0")
			.containsEntry("user_agent", "acme/1.9.0")
			.containsEntry("ts", true);
	}

	@Test
	void shouldRefuseJsonPingWithBadValuesAsProblem() {
		assertValidationError("{\"timestamp\":\"yesterday\"}", "timestamp");
		assertValidationError("{\"product\":\"other\"}", "product");
		assertValidationError("{\"version\":\"" + "9".repeat(100) + "\"}", "version");
		assertThat(
				this.mvc.post().uri("/v1/check/acme").contentType(MediaType.APPLICATION_JSON).content("{\"version\":"))
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post()
			.uri("/v1/check/acme")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":{\"nested\":[1]}}")).hasStatus(400);
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isZero();
	}

	@Test
	void shouldRefuseJsonPingAndRunReportWithRepeatedKeysAsProblem() {
		MvcTestResult check = this.mvc.post()
			.uri("/v1/check/acme")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":\"1.0.0\",\"os\":\"linux\",\"version\":\"2.0.0\"}")
			.exchange();
		assertThat(check).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(check).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://checkpoint.dev/problems/malformed-request");
		MvcTestResult report = this.mvc.post()
			.uri("/v1/telemetry/acme")
			.content("{\"version\":\"2.0.0\",\"payload\":{\"k\":1,\"k\":2}}")
			.exchange();
		assertThat(report).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isZero();
	}

	@Test
	void shouldAcceptRunReportWithoutContentTypeWith201() {
		MvcTestResult result = this.mvc.post().uri("/v1/telemetry/acme").content("""
				{"signature":"00112233-4455-6677-8899-aabbccddeeff","start_time":"2024-06-05T10:00:00Z",
				 "end_time":"0001-01-01T00:00:00Z","arch":"amd64","os":"linux","product":"acme","run_id":"r1",
				 "schema_version":"1","version":"2.0.0","payload":{"k":"v\\u0000w"},"extra":true}""").exchange();
		assertThat(result).hasStatus(201);
		Map<String, Object> row = this.jdbc.sql(
				"select kind, details->>'run_id' as run_id, details->'payload'->>'k' as k, signature::text as s from pings")
			.query()
			.singleRow();
		assertThat(row).containsEntry("kind", 2)
			.containsEntry("run_id", "r1")
			.containsEntry("k", "vw")
			.containsEntry("s", "00112233-4455-6677-8899-aabbccddeeff");
	}

	@Test
	void shouldRefuseMalformedOrOversizedRunReportAsProblem() {
		assertThat(this.mvc.post().uri("/v1/telemetry/acme").content("not json")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post().uri("/v1/telemetry/acme").content("[1,2]")).hasStatus(400);
		assertThat(this.mvc.post().uri("/v1/telemetry/acme").content("{\"start_time\":\"noon\"}")).hasStatus(400);
		String huge = "{\"payload\":\"" + "x".repeat(70 * 1024) + "\"}";
		assertThat(this.mvc.post().uri("/v1/telemetry/acme").content(huge)).hasStatus(413)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isZero();
	}

	@Test
	void shouldAnswerVersionConstraints() {
		JsonNode known = getJson("/v1/versions/acme-agent?product=acme");
		assertThat(known.get("minimum").asString()).isEqualTo("1.0.0");
		assertThat(known.get("maximum").asString()).isEqualTo("2.0.0");
		assertThat(known.get("excluding").values()).extracting(JsonNode::asString).containsExactly("1.3.0");
		JsonNode unknown = getJson("/v1/versions/other?product=thing");
		assertThat(unknown.get("service").asString()).isEqualTo("other");
		assertThat(unknown.get("minimum").asString()).isEmpty();
		assertThat(unknown.get("excluding").isArray()).isTrue();
	}

	private void assertValidationError(String body, String field) {
		MvcTestResult result = this.mvc.post()
			.uri("/v1/check/acme")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("errors[0].field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("type").isEqualTo("https://checkpoint.dev/problems/validation");
	}

	private JsonNode getJson(String uri) {
		MvcTestResult result = this.mvc.get().uri(URI.create(uri)).exchange();
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

}
