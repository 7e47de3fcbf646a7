package dev.checkpoint.errorreports;

import java.util.List;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.checkpoint.errorreports.ErrorReportsApi.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest
class OperatorErrorReportIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	ErrorReportsApi api;

	@BeforeEach
	void cleanUp() {
		this.api = new ErrorReportsApi(this.mvc, this.jdbc, this.json);
		this.api.clean();
	}

	@Test
	void shouldListOpenGroupsMostReportedFirstWhenNoFilterIsGiven() {
		UUID rare = this.api.groupOf(this.api.store(crash("rare", "6.1.0")));
		UUID frequent = this.api.groupOf(this.api.store(crash("frequent", "6.1.0")));
		this.api.store(crash("frequent", "6.2.0"));
		this.api.store(crash("frequent", "6.2.0"));
		MvcTestResult result = this.api.get("/api/error-reports/groups");
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		JsonNode page = this.api.body(result);
		assertThat(page.get("status").asString()).isEqualTo("open");
		assertThat(page.get("total").asLong()).isEqualTo(2);
		assertThat(ids(page)).containsExactly(frequent, rare);
		JsonNode top = page.get("groups").get(0);
		assertThat(top.get("report_count").asLong()).isEqualTo(3);
		assertThat(top.get("title").asString()).isEqualTo("frequent failure");
		assertThat(top.get("product").asString()).isEqualTo(PRODUCT);
		assertThat(top.get("status").asString()).isEqualTo("open");
		assertThat(top.has("first_seen") && top.has("last_seen") && top.has("resolved_at")).isTrue();
	}

	@Test
	void shouldCountOnlyThatVersionWhenVersionFilterIsGiven() {
		UUID rare = this.api.groupOf(this.api.store(crash("rare", "6.2.0")));
		this.api.store(crash("rare", "6.2.0"));
		UUID frequent = this.api.groupOf(this.api.store(crash("frequent", "6.1.0")));
		this.api.store(crash("frequent", "6.1.0"));
		this.api.store(crash("frequent", "6.1.0"));
		this.api.store(crash("frequent", "6.2.0"));
		JsonNode page = this.api.body(this.api.get("/api/error-reports/groups?product={p}&version=6.2.0", PRODUCT));
		assertThat(ids(page)).containsExactly(rare, frequent);
		assertThat(page.get("groups").get(0).get("report_count").asLong()).isEqualTo(2);
		assertThat(page.get("groups").get(1).get("report_count").asLong()).isEqualTo(1);
		assertThat(page.get("version").asString()).isEqualTo("6.2.0");
		assertThat(ids(this.api.body(this.api.get("/api/error-reports/groups?version=9.9.9")))).isEmpty();
		assertThat(ids(this.api.body(this.api.get("/api/error-reports/groups?product=other")))).isEmpty();
	}

	@Test
	void shouldPageGroupsWhenSizeIsSmall() {
		for (String name : List.of("a", "b", "c")) {
			this.api.store(crash(name, "1.0.0"));
		}
		JsonNode second = this.api.body(this.api.get("/api/error-reports/groups?page=1&size=2"));
		assertThat(second.get("total").asLong()).isEqualTo(3);
		assertThat(second.get("groups")).hasSize(1);
		assertThat(this.api.get("/api/error-reports/groups?size=0")).hasStatus(400);
		assertThat(this.api.get("/api/error-reports/groups?status=closed")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://checkpoint.dev/problems/validation");
	}

	@Test
	void shouldShowGroupWithRecentReportsAndOneFullReportWhenIdsExist() {
		UUID first = this.api.store(crash("detail", "6.1.0"));
		UUID second = this.api.store(crash("detail", "6.2.0"));
		UUID group = this.api.groupOf(first);
		MvcTestResult detail = this.api.get("/api/error-reports/groups/{id}", group);
		assertThat(detail).hasStatusOk();
		assertThat(detail).bodyJson().extractingPath("$.group.id").isEqualTo(group.toString());
		assertThat(detail).bodyJson().extractingPath("$.group.report_count").isEqualTo(2);
		assertThat(detail).bodyJson()
			.extractingPath("$.recent_reports[*].id")
			.asArray()
			.containsExactlyInAnyOrder(first.toString(), second.toString());
		assertThat(detail).bodyJson().extractingPath("$.recent_reports[0].received_at").isNotNull();
		assertThat(detail).bodyJson()
			.extractingPath("$.recent_reports[*].version")
			.asArray()
			.containsExactlyInAnyOrder("6.1.0", "6.2.0");
		MvcTestResult report = this.api.get("/api/error-reports/reports/{id}", first);
		assertThat(report).hasStatusOk();
		assertThat(report).bodyJson().extractingPath("$.group_id").isEqualTo(group.toString());
		assertThat(report).bodyJson().extractingPath("$.message").isEqualTo("detail failure");
		assertThat(report).bodyJson().extractingPath("$.stack_trace").asString().contains("/home/[USER]/");
		assertThat(report).bodyJson().extractingPath("$.node_version").isEqualTo("v20.11.0");
	}

	@Test
	void shouldListProductsWithOpenCountsWhenReportsExist() {
		this.api.store(crash("one", "1.0.0"));
		this.api.store(crash("one", "1.0.0"));
		MvcTestResult result = this.api.get("/api/error-reports/products");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[0].product").isEqualTo(PRODUCT);
		assertThat(result).bodyJson().extractingPath("$[0].open_groups").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$[0].open_reports").isEqualTo(2);
	}

	@Test
	void shouldResolveAndReopenGroupWithAuditEntriesWhenOperatorAsks() {
		UUID group = this.api.groupOf(this.api.store(crash("fixed", "6.1.0")));
		MvcTestResult resolved = this.api.post("/api/error-reports/groups/{id}/resolve", group);
		assertThat(resolved).hasStatusOk();
		assertThat(resolved).bodyJson().extractingPath("$.status").isEqualTo("resolved");
		assertThat(resolved).bodyJson().extractingPath("$.resolved_by").isEqualTo("ops");
		assertThat(resolved).bodyJson().extractingPath("$.resolved_at").isNotNull();
		assertThat(this.api.post("/api/error-reports/groups/{id}/resolve", group)).hasStatusOk();
		assertThat(ids(this.api.body(this.api.get("/api/error-reports/groups")))).isEmpty();
		assertThat(ids(this.api.body(this.api.get("/api/error-reports/groups?status=resolved"))))
			.containsExactly(group);
		MvcTestResult reopened = this.api.post("/api/error-reports/groups/{id}/reopen", group);
		assertThat(reopened).hasStatusOk();
		assertThat(reopened).bodyJson().extractingPath("$.status").isEqualTo("open");
		assertThat(reopened).bodyJson().extractingPath("$.resolved_by").isNull();
		assertThat(this.jdbc.sql(
				"select actor || ' ' || action from audit_events where entity_type = 'error_group' and entity_key = ? order by id")
			.param(group.toString())
			.query(String.class)
			.list()).containsExactly("ops error_group.resolved", "ops error_group.reopened");
	}

	@Test
	void shouldReopenResolvedGroupWhenANewReportArrives() {
		UUID group = this.api.groupOf(this.api.store(crash("regression", "6.1.0")));
		assertThat(this.api.post("/api/error-reports/groups/{id}/resolve", group)).hasStatusOk();
		assertThat(this.api.groupOf(this.api.store(crash("regression", "6.3.0")))).isEqualTo(group);
		MvcTestResult detail = this.api.get("/api/error-reports/groups/{id}", group);
		assertThat(detail).bodyJson().extractingPath("$.group.status").isEqualTo("open");
		assertThat(detail).bodyJson().extractingPath("$.group.resolved_at").isNull();
		assertThat(detail).bodyJson().extractingPath("$.group.report_count").isEqualTo(2);
	}

	@Test
	void shouldAnswerNotFoundProblemWhenIdsAreUnknown() {
		for (String uri : List.of("/api/error-reports/groups/" + UUID.randomUUID(),
				"/api/error-reports/reports/" + UUID.randomUUID(), "/api/error-reports/groups/not-a-uuid",
				"/api/error-reports/reports/42")) {
			MvcTestResult result = this.api.get(uri);
			assertThat(result).as(uri).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson()
				.extractingPath("$.type")
				.isEqualTo("https://checkpoint.dev/problems/not-found");
		}
		assertThat(this.api.post("/api/error-reports/groups/{id}/resolve", UUID.randomUUID())).hasStatus(404);
		assertThat(this.api.post("/api/error-reports/groups/{id}/reopen", UUID.randomUUID())).hasStatus(404);
	}

	@Test
	void shouldRefuseWithUnauthorizedProblemWhenCredentialsAreMissing() {
		UUID group = this.api.groupOf(this.api.store(crash("secret", "1.0.0")));
		for (String uri : List.of("/api/error-reports/groups", "/api/error-reports/groups/" + group,
				"/api/error-reports/products")) {
			assertThat(this.mvc.get().uri(uri)).as(uri)
				.hasStatus(401)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		assertThat(this.mvc.post().uri("/api/error-reports/groups/{id}/resolve", group)).hasStatus(401);
		assertThat(this.jdbc.sql("select count(*) from error_groups where resolved_at is not null")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldAllowAdminAndRefuseOtherRolesWhenCallingOperatorApi() {
		assertThat(this.mvc.get()
			.uri("/api/error-reports/groups")
			.with(SecurityMockMvcRequestPostProcessors.user("root").roles("ADMIN", "OPERATOR"))).hasStatusOk();
		assertThat(this.mvc.get()
			.uri("/api/error-reports/groups")
			.with(SecurityMockMvcRequestPostProcessors.user("someone").roles("VIEWER"))).hasStatus(403);
	}

	private ObjectNode crash(String name, String version) {
		ObjectNode report = this.api.report();
		report.put("version", version);
		report.put("error_message", name + " failure");
		return report;
	}

	private static List<UUID> ids(JsonNode page) {
		return page.get("groups").valueStream().map((group) -> UUID.fromString(group.get("id").asString())).toList();
	}

}
