package dev.checkpoint.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.catalog.Catalog;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks are answered asynchronously once their ping is committed (no request thread
 * waits for the commit), over the real HTTP stack: the answer and its headers are those
 * of a synchronous one, a ping not stored in time still gets its GET answer and a 503
 * problem for the POST, and the per-client concurrency cap counts each request only until
 * its answer is written.
 */
class DeferredAnswersIntegrationTests {

	private static final String BODY = "{\"version\":\"1.0.0\",\"os\":\"linux\",\"arch\":\"x64\"}";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(BODY))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The server of a nested context, with the test catalogue loaded. */
	abstract class Server {

		@LocalServerPort
		int port;

		@Autowired
		Catalog catalog;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		DataSource dataSource;

		@BeforeEach
		void refreshCatalog() {
			this.catalog.refresh();
		}

		/**
		 * Holds back every ping write until the returned lock is closed (a transaction of
		 * its own locks {@code pings} against inserts), so that a test knows its ping is
		 * not stored yet when the handler asks, however fast or loaded the machine is.
		 */
		AutoCloseable holdPingWrites() throws SQLException {
			Connection connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("lock table pings in share row exclusive mode");
			}
			return () -> {
				try (connection) {
					connection.commit();
				}
			};
		}

	}

	@Nested
	@CheckpointIntegrationTest(properties = "checkpoint.request-limits.max-concurrent-per-client=4")
	@Sql({ "/fixtures/clean-pings.sql", "/fixtures/acme-catalog.sql" })
	class Stored extends Server {

		@Test
		void shouldAnswerOnceStoredWithTheHeadersOfASynchronousAnswer() throws Exception {
			HttpResponse<String> response = get(this.port, "/v1/check/acme?version=1.0.0&os=linux&arch=x64");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
			assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("content-security-policy")).isPresent();
			JsonNode body = DeferredAnswersIntegrationTests.this.json.readTree(response.body());
			assertThat(body.get("product").asString()).isEqualTo("acme");
			assertThat(body.get("previous_version").asString()).isEqualTo("1.0.0");
			assertThat(post(this.port, "/v1/check/acme").statusCode()).isEqualTo(200);
			// answered once stored: both rows are there when the answers arrive
			assertThat(this.jdbc.sql("select coalesce(sum(hits), 0) from pings").query(Long.class).single())
				.isEqualTo(2);
		}

		@Test
		void shouldReleaseTheClientsSlotWhenTheAsynchronousAnswerIsWritten() throws Exception {
			List<Integer> statuses = new ArrayList<>();
			for (int round = 0; round < 5; round++) {
				List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					sent.add(DeferredAnswersIntegrationTests.this.http.sendAsync(
							HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/check/acme"))
								.build(),
							HttpResponse.BodyHandlers.ofString()));
				}
				for (CompletableFuture<HttpResponse<String>> response : sent) {
					statuses.add(response.join().statusCode());
				}
			}
			// 20 requests, at most 4 at once: a slot kept after its answer would refuse
			// some
			assertThat(statuses).hasSize(20).containsOnly(200);
		}

	}

	@Nested
	@CheckpointIntegrationTest(
			properties = { "checkpoint.ingest.write-timeout=300ms", "checkpoint.ingest.max-batch-size=1" })
	@Sql({ "/fixtures/clean-pings.sql", "/fixtures/acme-catalog.sql" })
	class NotStoredInTime extends Server {

		@Test
		void shouldStillAnswerTheGetAndRefuseThePostWithAProblem() throws Exception {
			HttpResponse<String> check;
			HttpResponse<String> refused;
			try (AutoCloseable held = holdPingWrites()) {
				check = get(this.port, "/v1/check/acme?version=1.0.0");
				refused = post(this.port, "/v1/check/acme");
			}
			assertThat(check.statusCode()).isEqualTo(200);
			assertThat(DeferredAnswersIntegrationTests.this.json.readTree(check.body()).get("product").asString())
				.isEqualTo("acme");

			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
			assertThat(refused.headers().firstValue("retry-after")).hasValue("5");
			JsonNode problem = DeferredAnswersIntegrationTests.this.json.readTree(refused.body());
			assertThat(problem.get("status").asInt()).isEqualTo(503);
			assertThat(problem.get("title").asString()).isEqualTo("Storage unavailable");
			assertThat(problem.get("type").asString()).endsWith("/unavailable");
			assertThat(problem.get("instance").asString()).isEqualTo("/v1/check/acme");
		}

	}

	@Nested
	@CheckpointIntegrationTest
	@Import(SlowFilterConfiguration.class)
	@Sql({ "/fixtures/clean-pings.sql", "/fixtures/acme-catalog.sql" })
	class FilterStillRunningAfterTheHandler extends Server {

		@Test
		void shouldWriteTheAnswerOnlyOnceTheRequestHasLeftTheFilters() throws Exception {
			CompletableFuture<HttpResponse<String>> sent;
			try (AutoCloseable held = holdPingWrites()) {
				sent = DeferredAnswersIntegrationTests.this.http.sendAsync(HttpRequest
					.newBuilder(URI
						.create("http://localhost:" + this.port + "/v1/check/acme?version=1.0.0&os=linux&arch=x64"))
					.build(), HttpResponse.BodyHandlers.ofString());
				// the handler has returned (the answer waits for the commit) before the
				// write is let go
				Thread.sleep(100);
			}
			HttpResponse<String> response = sent.join();

			assertThat(response.statusCode()).isEqualTo(200);
			// the commit ends at once after the release, the filter sleeps a quarter of a
			// second after the handler: an answer written before the filter is done would
			// lack the header
			assertThat(response.headers().firstValue(SlowFilterConfiguration.HEADER)).hasValue("set");
			assertThat(DeferredAnswersIntegrationTests.this.json.readTree(response.body()).get("product").asString())
				.isEqualTo("acme");
		}

	}

	/**
	 * A filter inside the client routes' chain that still uses the response a while after
	 * the handler returned, as the security headers and the observation filter do.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SlowFilterConfiguration {

		static final String HEADER = "X-Set-After-The-Handler";

		@Bean
		FilterRegistrationBean<Filter> slowFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				chain.doFilter(request, response);
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				((HttpServletResponse) response).setHeader(HEADER, "set");
			});
			registration.addUrlPatterns("/v1/*");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
			return registration;
		}

	}

}
