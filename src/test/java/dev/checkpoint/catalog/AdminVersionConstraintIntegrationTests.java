package dev.checkpoint.catalog;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest
class AdminVersionConstraintIntegrationTests {

	private static final String SERVICE = AdminApi.PREFIX + "agent";

	private static final String CONSTRAINT = "/api/admin/version-constraints/{service}/{product}";

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
	}

	@Test
	void shouldSetConstraintAndAnswerItOnVersionsRoute() {
		MvcTestResult result = this.api.put("{\"minimum\": \"1.0.0\", \"maximum\": \"\", \"excluding\": [\"1.3.0\"]}",
				CONSTRAINT, SERVICE, "tool");
		assertThat(result).hasStatusOk().bodyJson().extractingPath("$.excluding").asArray().containsExactly("1.3.0");
		assertThat(this.mvc.get().uri("/v1/versions/{service}?product=tool", SERVICE)).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.minimum").isEqualTo("1.0.0");
				assertThat(json).extractingPath("$.maximum").isEqualTo("");
				assertThat(json).extractingPath("$.excluding").asArray().containsExactly("1.3.0");
			});
		assertThat(this.api.get("/api/admin/version-constraints")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.service == '%s')].product".formatted(SERVICE))
			.asArray()
			.containsExactly("tool");
		assertThat(this.api.auditActions(SERVICE + "/tool")).containsExactly("version_constraint.set");
	}

	@Test
	void shouldReplaceConstraintWhenPutAgain() {
		this.api.put("{\"minimum\": \"1.0.0\", \"excluding\": [\"1.3.0\"]}", CONSTRAINT, SERVICE, "tool");
		assertThat(this.api.put("{\"maximum\": \"3.0.0\"}", CONSTRAINT, SERVICE, "tool")).hasStatusOk();
		assertThat(this.api.get(CONSTRAINT, SERVICE, "tool")).bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("$.minimum").isEqualTo("");
			assertThat(json).extractingPath("$.maximum").isEqualTo("3.0.0");
			assertThat(json).extractingPath("$.excluding").asArray().isEmpty();
		});
	}

	@Test
	void shouldDeleteConstraintAndAnswerNoConstraint() {
		this.api.put("{\"minimum\": \"1.0.0\"}", CONSTRAINT, SERVICE, "tool");
		assertThat(this.api.delete(CONSTRAINT, SERVICE, "tool")).hasStatus(204);
		assertThat(this.mvc.get().uri("/v1/versions/{service}?product=tool", SERVICE)).bodyJson()
			.extractingPath("$.minimum")
			.isEqualTo("");
		assertThat(this.api.delete(CONSTRAINT, SERVICE, "tool")).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.api.auditActions(SERVICE + "/tool")).containsExactly("version_constraint.set",
				"version_constraint.deleted");
	}

	@Test
	void shouldRefuseValuesThatAreNoVersions() {
		assertValidationError("{\"minimum\": \"one\"}", "minimum");
		assertValidationError("{\"excluding\": [\"1.0.0\", \"x.y\"]}", "excluding[1]");
		assertValidationError("{\"minimum\": \"2.0.0\", \"maximum\": \"1.0.0\"}", "ordered");
		assertThat(this.api.get(CONSTRAINT, SERVICE, "tool")).hasStatus(404);
	}

	@Test
	void shouldAnswerUnauthorizedWhenAnonymous() {
		assertThat(this.mvc.put()
			.uri(CONSTRAINT, SERVICE, "tool")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"minimum\": \"1.0.0\"}")).hasStatus(401);
	}

	private void assertValidationError(String body, String field) {
		MvcTestResult result = this.api.put(body, CONSTRAINT, SERVICE, "tool");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
	}

}
