package dev.checkpoint.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest
class ApiTokenIntegrationTests {

	private static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";

	private List<AdminRoute> adminRoutes = List.of();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	void collectAdminRoutes(ApplicationContext context) {
		List<AdminRoute> routes = new ArrayList<>();
		context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods()
			.forEach((info, method) -> info.getPatternValues()
				.stream()
				.filter((pattern) -> pattern.startsWith("/api/admin"))
				.forEach((pattern) -> info.getMethodsCondition()
					.getMethods()
					.forEach((verb) -> routes.add(new AdminRoute(verb, pattern.replaceAll("\\{[^}]+}", "1"))))));
		this.adminRoutes = routes;
	}

	@BeforeEach
	void cleanTokens() {
		this.jdbc.sql("delete from api_tokens where name like 'tokentest-%'").update();
	}

	@Test
	void shouldIgnoreAWrongTokenOnPublicRoutes() {
		String wrong = "Bearer cpt_not-a-token-at-all";
		assertThat(this.mvc.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, wrong)).hasStatusOk();
		assertThat(this.mvc.get().uri("/v1/check/prisma?version=1.0.0").header(HttpHeaders.AUTHORIZATION, wrong))
			.hasStatusOk();
		assertThat(this.mvc.delete()
			.uri("/api/privacy/signatures/{signature}", "0f1e2d3c-4b5a-4697-8877-665544332211")
			.header(HttpHeaders.AUTHORIZATION, wrong)).hasStatus(204);
		assertThat(this.mvc.post()
			.uri("/")
			.header(HttpHeaders.AUTHORIZATION, wrong)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\":\"{ ok }\"}")).hasStatusOk();
	}

	@Test
	void shouldCreateTokenShownOnceAndAuthenticateWithIt() throws Exception {
		String token = createToken("tokentest-ops", "OPERATOR");
		assertThat(token).startsWith("cpt_").hasSizeGreaterThan(40);
		MvcTestResult list = this.mvc.get()
			.uri("/api/admin/tokens")
			.header(HttpHeaders.AUTHORIZATION, bearer(BOOTSTRAP))
			.exchange();
		assertThat(list).hasStatusOk();
		assertThat(list.getResponse().getContentAsString()).doesNotContain(token)
			.contains("tokentest-ops")
			.contains(token.substring(0, 10));
		assertThat(this.jdbc.sql("select count(*) from api_tokens where token_hash = ?")
			.param(TokenHashes.hash(token))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from api_tokens where token_hash = ? or token_prefix = ?")
			.params(token, token)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldAcceptTokenAsBasicPasswordForBrowsers() {
		String token = createToken("tokentest-admin", "ADMIN");
		String basic = java.util.Base64.getEncoder().encodeToString(("anyone:" + token).getBytes());
		assertThat(this.mvc.get().uri("/api/admin/tokens").header(HttpHeaders.AUTHORIZATION, "Basic " + basic))
			.hasStatusOk();
	}

	@Test
	void shouldRecordTokenChangesInAuditLog() {
		String token = createToken("tokentest-audited", "ADMIN");
		long id = this.jdbc.sql("select id from api_tokens where token_hash = ?")
			.param(TokenHashes.hash(token))
			.query(Long.class)
			.single();
		assertThat(this.mvc.delete()
			.uri("/api/admin/tokens/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(BOOTSTRAP))).hasStatus(204);
		List<Map<String, Object>> events = this.jdbc.sql(
				"select actor, action from audit_events where entity_type = 'api_token' and entity_key = ? order by id")
			.param(String.valueOf(id))
			.query()
			.listOfRows();
		assertThat(events).containsExactly(Map.of("actor", "bootstrap-admin", "action", "token.created"),
				Map.of("actor", "bootstrap-admin", "action", "token.revoked"));
	}

	@Test
	void shouldRefuseInvalidTokenRequestWithProblem() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/admin/tokens")
			.header(HttpHeaders.AUTHORIZATION, bearer(BOOTSTRAP))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"role\":\"ROOT\"}")
			.exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(
				this.mvc.delete().uri("/api/admin/tokens/999999").header(HttpHeaders.AUTHORIZATION, bearer(BOOTSTRAP)))
			.hasStatus(404);
	}

	@Test
	void shouldRefuseATokenNamedAsTheBootstrapOrSetupTokenIsInTheAuditLog() {
		for (String reserved : List.of("bootstrap-admin", " Bootstrap-Admin ", "setup-token", " Setup-Token ")) {
			MvcTestResult result = this.mvc.post()
				.uri("/api/admin/tokens")
				.header(HttpHeaders.AUTHORIZATION, bearer(BOOTSTRAP))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"%s\",\"role\":\"ADMIN\"}".formatted(reserved))
				.exchange();
			assertThat(result).as(reserved).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
		}
		assertThat(this.jdbc
			.sql("select count(*) from api_tokens where lower(trim(name)) in ('bootstrap-admin', 'setup-token')")
			.query(Long.class)
			.single()).isZero();
		createToken("tokentest-bootstrap-admin-2", "ADMIN");
	}

	@Test
	void shouldFindAdminRoutesToGuard() {
		assertThat(this.adminRoutes).extracting(AdminRoute::path).contains("/api/admin/tokens", "/api/admin/audit");
	}

	@TestFactory
	Stream<DynamicTest> shouldRefuseEveryAdminRouteWithoutAValidAdminToken() {
		String revoked = createToken("tokentest-revoked", "ADMIN");
		revoke(revoked);
		String operator = createToken("tokentest-operator", "OPERATOR");
		return this.adminRoutes.stream().map((route) -> DynamicTest.dynamicTest(route.toString(), () -> {
			assertProblem(route, null, 401);
			assertProblem(route, "Bearer not-a-token", 401);
			assertProblem(route, bearer(revoked), 401);
			assertProblem(route, bearer(operator), 403);
		}));
	}

	private void assertProblem(AdminRoute route, String authorization, int status) {
		HttpMethod method = HttpMethod.valueOf(route.method().name());
		var request = this.mvc.method(method).uri(route.path());
		if (method != HttpMethod.GET) {
			// GET takes no body: one is refused (400) before the token is looked at
			request = request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		if (authorization != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		MvcTestResult result = request.exchange();
		assertThat(result).as("%s with %s", route, authorization)
			.hasStatus(status)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private String createToken(String name, String role) {
		MvcTestResult result = this.mvc.post()
			.uri("/api/admin/tokens")
			.header(HttpHeaders.AUTHORIZATION, bearer(BOOTSTRAP))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"%s\",\"role\":\"%s\"}".formatted(name, role))
			.exchange();
		assertThat(result).hasStatus(201);
		JsonNode body = this.json.readTree(result.getResponse().getContentAsByteArray());
		return body.get("token").asString();
	}

	private void revoke(String token) {
		long id = this.jdbc.sql("select id from api_tokens where token_hash = ?")
			.param(TokenHashes.hash(token))
			.query(Long.class)
			.single();
		assertThat(this.mvc.delete()
			.uri("/api/admin/tokens/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(BOOTSTRAP))).hasStatus(204);
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	record AdminRoute(RequestMethod method, String path) {
	}

}
