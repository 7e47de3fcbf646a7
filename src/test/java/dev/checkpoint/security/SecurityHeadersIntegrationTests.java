package dev.checkpoint.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.Test;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers on the client routes, the API and the dashboard; the actuator limited
 * to health, info and (for operators) prometheus; errors that reveal nothing.
 */
@CheckpointIntegrationTest
class SecurityHeadersIntegrationTests {

	private static final String ADMIN = "Bearer test-bootstrap-admin-token-0123456789abcdef";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	FilterChainProxy filterChainProxy;

	@Autowired
	HttpFirewall firewall;

	@Test
	void shouldGuardEveryRequestWithTheFirewallWithoutRegularExpressions() {
		Object proxy = ReflectionTestUtils.getField(this.filterChainProxy, "springSecurityFilterChain");
		assertThat(ReflectionTestUtils.getField((proxy != null) ? proxy : this.filterChainProxy, "firewall"))
			.isSameAs(this.firewall);
		assertThat(ReflectionTestUtils.getField(this.firewall, "allowedParameterNames")).isNotNull()
			.isNotSameAs(ReflectionTestUtils.getField(new StrictHttpFirewall(), "allowedParameterNames"));
	}

	@Test
	void shouldSendSecurityHeadersOnClientRoute() throws Exception {
		HttpResponse<String> response = get("/v1/check/headertest?version=1.0.0", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertSecurityHeaders(response);
		assertThat(response.headers().firstValue("Strict-Transport-Security")).as("HSTS over plain HTTP").isEmpty();
	}

	@Test
	void shouldSendSecurityHeadersAndNoStoreOnApi() throws Exception {
		HttpResponse<String> response = get("/api/admin/products", ADMIN);
		assertThat(response.statusCode()).isEqualTo(200);
		assertSecurityHeaders(response);
		assertThat(response.headers().allValues("Cache-Control"))
			.anySatisfy((value) -> assertThat(value).contains("no-store"));
	}

	@Test
	void shouldSendStrictContentSecurityPolicyOnDashboardPage() throws Exception {
		HttpResponse<String> response = get("/dashboard/index.html", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertSecurityHeaders(response);
		assertThat(response.body()).doesNotContain("<script>").doesNotContain("style=").doesNotContain("<style");
	}

	@Test
	void shouldServeChartJsWithoutItsVersionToAnyoneAsWithIt() throws Exception {
		String version = new WebJarVersionLocator().version("chart.js");
		HttpResponse<String> versioned = get("/webjars/chart.js/" + version + "/dist/chart.umd.js", null);
		assertThat(versioned.statusCode()).isEqualTo(200);
		assertThat(versioned.body()).contains("Chart.js v" + version);
		for (String authorization : new String[] { null, "Bearer cpt_not-a-token" }) {
			HttpResponse<String> response = get("/webjars/chart.js/dist/chart.umd.js", authorization);
			assertThat(response.statusCode()).as(authorization).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).as(authorization)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"))
				.isEqualTo(versioned.headers().firstValue("Content-Type"));
			assertThat(response.headers().allValues("Cache-Control")).as(authorization)
				.isEqualTo(versioned.headers().allValues("Cache-Control"));
			assertThat(response.body()).as(authorization).isEqualTo(versioned.body());
			assertSecurityHeaders(response);
		}
	}

	@Test
	void shouldSendHstsOnlyOnSecureRequests() {
		assertThat(this.mvc.get().uri("https://localhost/v1/check/headertest")).headers()
			.containsHeader("Strict-Transport-Security");
		assertThat(this.mvc.get().uri("http://localhost/v1/check/headertest")).headers()
			.doesNotContainHeader("Strict-Transport-Security");
	}

	@Test
	void shouldHideEveryActuatorEndpointButHealthInfoAndPrometheus() throws Exception {
		for (String endpoint : List.of("env", "beans", "heapdump", "threaddump", "configprops", "mappings", "loggers",
				"metrics", "shutdown", "scheduledtasks", "conditions", "caches", "sbom", "startup")) {
			HttpResponse<String> response = get("/actuator/" + endpoint, ADMIN);
			assertThat(response.statusCode()).as(endpoint).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).as(endpoint)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/info", null).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldServePrometheusOnlyToOperators() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "Bearer cpt_not-a-token").statusCode()).isEqualTo(401);
		HttpResponse<String> metrics = get("/actuator/prometheus", "Bearer " + operatorToken());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void shouldCountRequestsWithoutObservingEverySecurityFilter() throws Exception {
		get("/v1/check/acme?version=1.0.0", null);
		String metrics = get("/actuator/prometheus", "Bearer " + operatorToken()).body();
		assertThat(metrics).contains("http_server_requests_seconds_count").doesNotContain("spring_security_");
	}

	@Test
	void shouldAnswerErrorPageAsProblemWithoutInternals() throws Exception {
		for (String path : List.of("/error", "/v1/check/a%2F..%2Fb", "/v1/check/x;y")) {
			HttpResponse<String> response = get(path, null);
			assertThat(response.statusCode()).as(path).isBetween(400, 499);
			assertThat(response.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).as(path)
				.doesNotContainIgnoringCase("exception")
				.doesNotContain("trace")
				.doesNotContain("timestamp")
				.doesNotContainIgnoringCase("tomcat");
		}
	}

	private static void assertSecurityHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
	}

	private String operatorToken() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri("/api/admin/tokens"))
			.header("Authorization", ADMIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"headers-operator\",\"role\":\"OPERATOR\"}"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		return this.json.readTree(response.body()).get("token").asString();
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
