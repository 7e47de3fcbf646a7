package dev.checkpoint.catalog;

import java.time.Clock;
import java.time.Instant;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest
class AdminReleaseIntegrationTests {

	private static final String PRODUCT = AdminApi.PREFIX + "rel";

	private static final String RELEASES = "/api/admin/products/{name}/releases";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	AdminApi api;

	@BeforeEach
	void cleanUp() {
		this.api = new AdminApi(this.mvc, this.jdbc, this.json);
		this.api.clean();
		this.api.createProduct(PRODUCT);
	}

	@Test
	void shouldPublishReleaseWithGivenValues() {
		MvcTestResult result = this.api.post("""
				{"version": "2.0.0", "channel": "stable", "released_at": "2024-06-01T02:00:00+02:00",
				 "download_url": "https://rel.test/2.0.0", "changelog_url": "https://rel.test/changes"}""", RELEASES,
				PRODUCT);
		assertThat(result).hasStatus(201)
			.hasHeader("Location", "http://localhost/api/admin/products/" + PRODUCT + "/releases/2.0.0");
		JsonNode body = this.api.body(result);
		assertThat(body.get("product").asString()).isEqualTo(PRODUCT);
		assertThat(body.get("channel").asString()).isEqualTo("stable");
		assertThat(body.get("released_at").asString()).isEqualTo("2024-06-01T00:00:00Z");
		assertThat(body.get("download_url").asString()).isEqualTo("https://rel.test/2.0.0");
		assertThat(this.api.auditActions(PRODUCT + "@2.0.0")).containsExactly("release.published");
		assertThat(this.jdbc.sql("select details->>'channel' from audit_events where entity_key = ?")
			.param(PRODUCT + "@2.0.0")
			.query(String.class)
			.single()).isEqualTo("stable");
	}

	@Test
	void shouldDeriveChannelAndDateWhenAbsent() {
		Instant before = this.clock.instant();
		JsonNode dev = this.api.body(this.api.post("{\"version\": \"5.13.0-dev.13\"}", RELEASES, PRODUCT));
		JsonNode latest = this.api.body(this.api.post("{\"version\": \"5.12.0\"}", RELEASES, PRODUCT));
		assertThat(dev.get("channel").asString()).isEqualTo("dev");
		assertThat(latest.get("channel").asString()).isEqualTo("latest");
		assertThat(latest.get("download_url").asString()).isEmpty();
		assertThat(Instant.parse(dev.get("released_at").asString())).isBetween(before.minusSeconds(1),
				this.clock.instant().plusSeconds(1));
	}

	@Test
	void shouldListReleasesNewestFirstWithoutRetiredOnes() {
		this.api.post("{\"version\": \"1.0.0\", \"released_at\": \"2024-01-01T00:00:00Z\"}", RELEASES, PRODUCT);
		this.api.post("{\"version\": \"1.1.0\", \"released_at\": \"2024-02-01T00:00:00Z\"}", RELEASES, PRODUCT);
		this.api.post("{\"version\": \"1.2.0\", \"released_at\": \"2024-03-01T00:00:00Z\"}", RELEASES, PRODUCT);
		assertThat(this.api.delete(RELEASES + "/{version}", PRODUCT, "1.1.0")).hasStatus(204);
		assertThat(this.api.get(RELEASES, PRODUCT)).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].version")
			.asArray()
			.containsExactly("1.2.0", "1.0.0");
		assertThat(this.api.get(RELEASES + "?include_retired=true", PRODUCT)).bodyJson()
			.extractingPath("$[*].version")
			.asArray()
			.containsExactly("1.2.0", "1.1.0", "1.0.0");
		assertThat(this.api.get(RELEASES + "/{version}", PRODUCT, "1.1.0")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.retired_at")
			.isNotNull();
	}

	@Test
	void shouldUpdateAndRestoreReleaseWhenPut() {
		this.api.post("{\"version\": \"1.0.0\", \"released_at\": \"2024-01-01T00:00:00Z\"}", RELEASES, PRODUCT);
		this.api.delete(RELEASES + "/{version}", PRODUCT, "1.0.0");
		MvcTestResult result = this.api.put("{\"download_url\": \"https://rel.test/1.0.0\"}", RELEASES + "/{version}",
				PRODUCT, "1.0.0");
		assertThat(result).hasStatusOk();
		JsonNode body = this.api.body(result);
		assertThat(body.get("download_url").asString()).isEqualTo("https://rel.test/1.0.0");
		assertThat(body.get("released_at").asString()).isEqualTo("2024-01-01T00:00:00Z");
		assertThat(body.get("channel").asString()).isEqualTo("latest");
		assertThat(body.get("retired_at").isNull()).isTrue();
		assertThat(this.api.auditActions(PRODUCT + "@1.0.0")).containsExactly("release.published", "release.retired",
				"release.restored");
	}

	@Test
	void shouldRefuseVersionThatIsNotSemver() {
		MvcTestResult result = this.api.post("{\"version\": \"banana\"}", RELEASES, PRODUCT);
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/validation");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("version");
		assertThat(this.api.post("{\"version\": \"1.0.0\", \"channel\": \"Not A Channel\"}", RELEASES, PRODUCT))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("channel");
		assertThat(this.api.post("{\"version\": \"1.0.0\", \"released_at\": \"yesterday\"}", RELEASES, PRODUCT))
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.api.post("{}", RELEASES, PRODUCT)).hasStatus(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://rel.test/a\"onmouseover=x", "https://rel.test/<script>", "https://rel.test/a>b",
			"https://rel.test/a\\b", "https://rel.test/a b", "https://rel.test/a\u0001b", "https://rel.test/a\u2028b",
			"https://rel.test/caf\u00E9" })
	void shouldRefuseUnsafeUrlsWithValidationProblem(String url) {
		ObjectNode release = this.json.createObjectNode().put("version", "1.0.0").put("download_url", url);
		MvcTestResult result = this.api.post(release.toString(), RELEASES, PRODUCT);
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/validation");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("downloadUrl");
		ObjectNode update = this.json.createObjectNode().put("changelog_url", url);
		assertThat(this.api.put(update.toString(), RELEASES + "/{version}", PRODUCT, "1.0.0")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("changelogUrl");
	}

	@Test
	void shouldServeUrlWithQueryAndFragmentInCheckAnswers() {
		String url = "https://rel.test/download/2.0.0?os=linux&arch=x64#sha256";
		ObjectNode release = this.json.createObjectNode().put("version", "2.0.0").put("download_url", url);
		assertThat(this.api.post(release.toString(), RELEASES, PRODUCT)).hasStatus(201);
		assertThat(this.mvc.get().uri("/v1/check/{name}?version=1.0.0", PRODUCT)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.current_download_url")
			.isEqualTo(url);
	}

	@Test
	void shouldRefuseDuplicateVersionWithConflict() {
		this.api.publishRelease(PRODUCT, "1.0.0");
		MvcTestResult result = this.api.post("{\"version\": \"1.0.0\"}", RELEASES, PRODUCT);
		assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/conflict");
		this.api.delete(RELEASES + "/{version}", PRODUCT, "1.0.0");
		assertThat(this.api.post("{\"version\": \"1.0.0\"}", RELEASES, PRODUCT)).hasStatus(409)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("retired");
	}

	@Test
	void shouldAnswerNotFoundWhenProductOrVersionIsUnknown() {
		MvcTestResult result = this.api.post("{\"version\": \"1.0.0\"}", RELEASES, AdminApi.PREFIX + "missing");
		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/not-found");
		assertThat(this.api.get(RELEASES + "/{version}", PRODUCT, "9.9.9")).hasStatus(404)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Release not found");
		assertThat(this.api.delete(RELEASES + "/{version}", PRODUCT, "9.9.9")).hasStatus(404);
	}

	@Test
	void shouldAnswerUnauthorizedWhenAnonymous() {
		assertThat(this.mvc.delete().uri(RELEASES + "/{version}", PRODUCT, "1.0.0")).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
