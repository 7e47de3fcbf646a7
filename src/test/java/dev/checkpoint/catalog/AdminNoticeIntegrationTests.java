package dev.checkpoint.catalog;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest
class AdminNoticeIntegrationTests {

	private static final String PRODUCT = AdminApi.PREFIX + "note";

	private static final String NOTICES = "/api/admin/products/{name}/notices";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	AdminApi api;

	@BeforeEach
	void cleanUp() {
		this.api = new AdminApi(this.mvc, this.jdbc, this.json);
		this.api.clean();
		this.api.createProduct(PRODUCT);
	}

	@Test
	void shouldPublishNoticeWithDefaults() {
		MvcTestResult result = this.api.post("{\"message\": \"Please upgrade\", \"level\": \"warning\"}", NOTICES,
				PRODUCT);
		assertThat(result).hasStatus(201);
		JsonNode body = this.api.body(result);
		int id = body.get("id").asInt();
		assertThat(result).hasHeader("Location", "http://localhost/api/admin/products/" + PRODUCT + "/notices/" + id);
		assertThat(body.get("version_range").asString()).isEqualTo("*");
		assertThat(body.get("url").asString()).isEmpty();
		assertThat(body.get("os").isNull()).isTrue();
		assertThat(body.get("published_at").asString()).isEqualTo(body.get("created_at").asString());
		assertThat(this.api.auditActions(PRODUCT + "#" + id)).containsExactly("notice.published");
	}

	@Test
	void shouldUpdateListAndRetireNotice() {
		int id = publish("{\"message\": \"Old text\", \"level\": \"info\"}");
		MvcTestResult updated = this.api.put("""
				{"message": "New text", "level": "critical", "version_range": ">=1.0.0 <1.4.2 || 2.0.0",
				 "os": "windows", "arch": "x64", "url": "https://note.test/sa-1",
				 "published_at": "2024-06-03T00:00:00Z"}""", NOTICES + "/{id}", PRODUCT, id);
		assertThat(updated).hasStatusOk();
		JsonNode body = this.api.body(updated);
		assertThat(body.get("message").asString()).isEqualTo("New text");
		assertThat(body.get("version_range").asString()).isEqualTo(">=1.0.0 <1.4.2 || 2.0.0");
		assertThat(body.get("arch").asString()).isEqualTo("x64");
		assertThat(body.get("published_at").asString()).isEqualTo("2024-06-03T00:00:00Z");
		assertThat(this.api.get(NOTICES, PRODUCT)).bodyJson().extractingPath("$[*].id").asArray().containsExactly(id);
		assertThat(this.api.delete(NOTICES + "/{id}", PRODUCT, id)).hasStatus(204);
		assertThat(this.api.get(NOTICES, PRODUCT)).bodyJson().extractingPath("$").asArray().isEmpty();
		assertThat(this.api.get(NOTICES + "?include_retired=true", PRODUCT)).bodyJson()
			.extractingPath("$[0].retired_at")
			.isNotNull();
		assertThat(this.api.auditActions(PRODUCT + "#" + id)).containsExactly("notice.published", "notice.updated",
				"notice.retired");
	}

	@Test
	void shouldRefuseBadRangeLevelOrMessage() {
		assertValidationError("{\"message\": \"m\", \"level\": \"warning\", \"version_range\": \">=banana\"}",
				"versionRange");
		assertValidationError("{\"message\": \"m\", \"level\": \"urgent\"}", "level");
		assertValidationError("{\"message\": \"%s\", \"level\": \"info\"}".formatted("x".repeat(1001)), "message");
		assertValidationError("{\"level\": \"info\"}", "message");
		assertValidationError("{\"message\": \"m\", \"level\": \"info\", \"os\": \"linux; rm\"}", "os");
		assertThat(
				this.jdbc.sql("select count(*) from notices n join products p on p.id = n.product_id where p.name = ?")
					.param(PRODUCT)
					.query(Long.class)
					.single())
			.isZero();
	}

	@Test
	void shouldAnswerNotFoundWhenNoticeBelongsToAnotherProduct() {
		int id = publish("{\"message\": \"m\", \"level\": \"info\"}");
		this.api.createProduct(AdminApi.PREFIX + "other");
		MvcTestResult result = this.api.get(NOTICES + "/{id}", AdminApi.PREFIX + "other", id);
		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Notice not found");
		assertThat(this.api.get(NOTICES, AdminApi.PREFIX + "missing")).hasStatus(404);
	}

	@Test
	void shouldAnswerUnauthorizedWhenAnonymous() {
		assertThat(this.mvc.get().uri(NOTICES, PRODUCT)).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private int publish(String body) {
		MvcTestResult result = this.api.post(body, NOTICES, PRODUCT);
		assertThat(result).hasStatus(201);
		return this.api.body(result).get("id").asInt();
	}

	private void assertValidationError(String body, String field) {
		MvcTestResult result = this.api.post(body, NOTICES, PRODUCT);
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/validation");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
	}

}
