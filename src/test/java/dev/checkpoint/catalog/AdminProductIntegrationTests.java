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
class AdminProductIntegrationTests {

	private static final String PRODUCT = AdminApi.PREFIX + "tool";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Catalog catalog;

	AdminApi api;

	@BeforeEach
	void cleanUp() {
		this.api = new AdminApi(this.mvc, this.jdbc, this.json);
		this.api.clean();
		this.catalog.refresh();
	}

	@Test
	void shouldCreateProductWhenNameIsNew() {
		MvcTestResult result = this.api.post("""
				{"name": "%s", "package_name": "tool-cli", "website": "https://tool.test",
				 "install_command": "npm install {package}@{tag}"}""".formatted(PRODUCT), "/api/admin/products");
		assertThat(result).hasStatus(201)
			.hasHeader("Location", "http://localhost/api/admin/products/" + PRODUCT)
			.hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.package_name").isEqualTo("tool-cli");
		assertThat(result).bodyJson().extractingPath("$.retired_at").isNull();
		assertThat(result).bodyJson().extractingPath("$.created_at").asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(this.catalog.knows(PRODUCT)).isTrue();
		assertThat(this.api.auditActions(PRODUCT)).containsExactly("product.created");
	}

	@Test
	void shouldDefaultOptionalValuesToEmptyWhenAbsent() {
		assertThat(this.api.post("{\"name\": \"%s\"}".formatted(PRODUCT), "/api/admin/products")).hasStatus(201)
			.bodyJson()
			.extractingPath("$.website")
			.isEqualTo("");
	}

	@Test
	void shouldRefuseDuplicateNameWithConflict() {
		this.api.createProduct(PRODUCT);
		MvcTestResult result = this.api.post("{\"name\": \"%s\"}".formatted(PRODUCT), "/api/admin/products");
		assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/conflict");
	}

	@Test
	void shouldRefuseInvalidValuesWithValidationProblem() {
		MvcTestResult result = this.api.post("{\"name\": \"bad name!\", \"website\": \"ftp://x\"}",
				"/api/admin/products");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/validation");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsOnly("name", "website");
		assertThat(this.api.post("{}", "/api/admin/products")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("name");
	}

	@Test
	void shouldRefuseRepeatedKeysWithMalformedProblem() {
		MvcTestResult result = this.api.post("{\"name\": \"%s\", \"name\": \"%s-2\"}".formatted(PRODUCT, PRODUCT),
				"/api/admin/products");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://checkpoint.dev/problems/malformed-request");
		assertThat(this.api.get("/api/admin/products")).bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.doesNotContain(PRODUCT, PRODUCT + "-2");
	}

	@Test
	void shouldUpdateProductWhenPut() {
		this.api.createProduct(PRODUCT);
		MvcTestResult result = this.api.put("{\"package_name\": \"renamed\"}", "/api/admin/products/{name}", PRODUCT);
		assertThat(result).hasStatusOk().bodyJson().extractingPath("$.package_name").isEqualTo("renamed");
		assertThat(result).bodyJson().extractingPath("$.website").isEqualTo("");
		assertThat(this.api.get("/api/admin/products/{name}", PRODUCT)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.package_name")
			.isEqualTo("renamed");
		assertThat(this.api.auditActions(PRODUCT)).containsExactly("product.created", "product.updated");
	}

	@Test
	void shouldStopAnsweringProductWhenRetired() {
		this.api.createProduct(PRODUCT);
		this.api.createProduct(PRODUCT + "-2");
		this.api.publishRelease(PRODUCT, "1.0.0");
		assertThat(this.api.delete("/api/admin/products/{name}", PRODUCT)).hasStatus(204);
		assertThat(this.mvc.get().uri("/v1/check/{name}?version=0.9.0", PRODUCT)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.current_version")
			.isEqualTo("0.9.0");
		assertThat(this.api.get("/api/admin/products")).bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.doesNotContain(PRODUCT)
			.contains(PRODUCT + "-2");
		assertThat(this.api.get("/api/admin/products?include_retired=true")).bodyJson()
			.extractingPath("$[?(@.name == '%s')].retired_at".formatted(PRODUCT))
			.asArray()
			.hasSize(1)
			.doesNotContainNull();
		assertThat(this.api.auditActions(PRODUCT)).containsExactly("product.created", "product.retired");
	}

	@Test
	void shouldRefuseRetiredNameAndRestoreItWhenPut() {
		this.api.createProduct(PRODUCT);
		this.api.publishRelease(PRODUCT, "1.0.0");
		this.api.delete("/api/admin/products/{name}", PRODUCT);
		MvcTestResult conflict = this.api.post("{\"name\": \"%s\"}".formatted(PRODUCT), "/api/admin/products");
		assertThat(conflict).hasStatus(409).bodyJson().extractingPath("$.detail").asString().contains("retired");
		assertThat(this.api.put("{}", "/api/admin/products/{name}", PRODUCT)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.retired_at")
			.isNull();
		assertThat(this.mvc.get().uri("/v1/check/{name}?version=0.9.0", PRODUCT)).bodyJson()
			.extractingPath("$.current_version")
			.isEqualTo("1.0.0");
		assertThat(this.api.auditActions(PRODUCT)).containsExactly("product.created", "product.retired",
				"product.restored");
	}

	@Test
	void shouldAnswerNotFoundProblemWhenProductIsUnknown() {
		MvcTestResult result = this.api.get("/api/admin/products/{name}", AdminApi.PREFIX + "missing");
		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/not-found");
		assertThat(this.api.put("{}", "/api/admin/products/{name}", AdminApi.PREFIX + "missing")).hasStatus(404);
		assertThat(this.api.delete("/api/admin/products/{name}", AdminApi.PREFIX + "missing")).hasStatus(404);
	}

	@Test
	void shouldAnswerUnauthorizedWhenAnonymous() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"%s\"}".formatted(PRODUCT))
			.exchange();
		assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri("/api/admin/products")).hasStatus(401);
		assertThat(
				this.jdbc.sql("select count(*) from products where name = ?").param(PRODUCT).query(Long.class).single())
			.isZero();
	}

}
