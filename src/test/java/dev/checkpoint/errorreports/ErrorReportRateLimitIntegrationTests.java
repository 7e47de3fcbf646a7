package dev.checkpoint.errorreports;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest(properties = "checkpoint.rate-limits.limits.error-reports.capacity=3")
class ErrorReportRateLimitIntegrationTests {

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
	void shouldRefuseWithRetryAfterWhenOneClientSendsMoreThanTheLimit() {
		for (int i = 0; i < 3; i++) {
			assertThat(sendFrom("192.0.2.10")).hasStatus(201);
		}
		MvcTestResult refused = sendFrom("192.0.2.10");
		assertThat(refused).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://checkpoint.dev/problems/rate-limited");
		assertThat(Long.parseLong(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isPositive();
		assertThat(this.api.count("error_reports")).isEqualTo(3);
		assertThat(sendFrom("192.0.2.11")).hasStatus(201);
	}

	private MvcTestResult sendFrom(String address) {
		return this.mvc.post().uri("/v1/errors/{product}", ErrorReportsApi.PRODUCT).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content(this.api.report().toString()).exchange();
	}

}
