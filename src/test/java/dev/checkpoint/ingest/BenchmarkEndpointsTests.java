package dev.checkpoint.ingest;

import java.net.URI;
import java.util.Map;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.catalog.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark variants of the check route (bench/ingest.sh): the no-op one answers like
 * {@code /v1/check} and stores nothing, the naive one stores one row and one rollup row
 * per ping, and neither exists without the {@code benchmark} profile.
 */
class BenchmarkEndpointsTests {

	private static final String QUERY = "?version=1.9.0&os=linux&arch=x64&client_event_id=e1"
			+ "&previous_client_event_id=e0&cli_path_hash=c1&local_timestamp=2024-06-05T10:00:00Z";

	private static final String BODY = """
			{"version":"1.9.0","arch":"x64","os":"linux","node_version":"v20.1.0",
			 "user_agent":"acme/1.9.0","timestamp":"2024-06-05T10:00:00+02:00"}""";

	@Nested
	@CheckpointIntegrationTest(properties = "spring.profiles.active=benchmark")
	@Sql("/fixtures/acme-catalog.sql")
	class WithBenchmarkProfile {

		@Autowired
		MockMvcTester mvc;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		JsonMapper json;

		@Autowired
		Catalog catalog;

		@BeforeEach
		void cleanPingsAndRefreshCatalog() {
			this.jdbc.sql("truncate pings, monthly_actives, monthly_anonymous").update();
			this.catalog.refresh();
		}

		@Test
		void shouldAnswerLikeCheckRouteAndStoreNothingWhenNoop() {
			JsonNode noop = json(this.mvc.get().uri(URI.create("/bench/noop/check/acme" + QUERY)).exchange());
			JsonNode noopPost = json(this.mvc.post()
				.uri("/bench/noop/check/acme")
				.contentType(MediaType.APPLICATION_JSON)
				.content(BODY)
				.exchange());
			assertThat(count("pings")).isZero();
			assertThat(noop).isEqualTo(json(this.mvc.get().uri(URI.create("/v1/check/acme" + QUERY)).exchange()));
			assertThat(noopPost).isEqualTo(json(this.mvc.post()
				.uri("/v1/check/acme")
				.contentType(MediaType.APPLICATION_JSON)
				.content(BODY)
				.exchange()));
			assertThat(noop.get("current_version").asString()).isEqualTo("2.0.0");
			assertThat(noop.get("alerts").size()).isEqualTo(1);
		}

		@Test
		void shouldValidateLikeCheckRouteWhenNoop() {
			assertThat(this.mvc.get().uri("/bench/noop/check/bad!name")).hasStatus(404)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(this.mvc.post()
				.uri("/bench/noop/check/acme")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"timestamp\":\"noon\"}")).hasStatus(400);
			assertThat(this.mvc.post()
				.uri("/bench/noop/check/acme")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"product\":\"other\"}")).hasStatus(400);
		}

		@Test
		void shouldStoreOneRowAndOneRollupRowPerPingWhenNaive() {
			String signed = "&signature=6ba7b810-9dad-41d1-80b4-00c04fd430c8&ci=true";
			JsonNode answer = json(
					this.mvc.get().uri(URI.create("/bench/naive/check/acme" + QUERY + signed)).exchange());
			json(this.mvc.post()
				.uri("/bench/naive/check/acme")
				.contentType(MediaType.APPLICATION_JSON)
				.content(BODY.replace("{", "{\"signature\":\"00112233-4455-6677-8899-aabbccddeeff\","))
				.exchange());
			json(this.mvc.get().uri("/bench/naive/check/acme?version=2.0.0").exchange());
			assertThat(answer.get("client_event_id").asString()).isEqualTo("e1");
			assertThat(answer.get("outdated").asBoolean()).isTrue();
			assertThat(count("pings")).isEqualTo(3);
			assertThat(count("monthly_actives")).isEqualTo(2);
			assertThat(this.jdbc.sql("select sum(pings) from monthly_anonymous").query(Long.class).single())
				.isEqualTo(1);
			Map<String, Object> row = this.jdbc.sql(
					"select product, version, os, arch, ci, cli_path_hash, kind::int as kind from ping_details where client_event_id = 'e1'")
				.query()
				.singleRow();
			assertThat(row).containsEntry("product", "acme")
				.containsEntry("version", "1.9.0")
				.containsEntry("os", "linux")
				.containsEntry("arch", "x64")
				.containsEntry("ci", true)
				.containsEntry("cli_path_hash", "c1")
				.containsEntry("kind", 1);
			assertThat(this.jdbc.sql("select non_ci from monthly_actives where signature = ?::uuid")
				.param("6ba7b810-9dad-41d1-80b4-00c04fd430c8")
				.query(Boolean.class)
				.single()).isFalse();
		}

		private long count(String table) {
			return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
		}

		private JsonNode json(MvcTestResult result) {
			assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
			return this.json.readTree(result.getResponse().getContentAsByteArray());
		}

	}

	@Nested
	@CheckpointIntegrationTest
	class WithoutBenchmarkProfile {

		@Autowired
		MockMvcTester mvc;

		@Test
		void shouldNotServeBenchmarkRoutesWhenProfileIsOff() {
			// the product's security chain does not open /bench: anonymous calls are
			// refused
			// before any route is looked for
			assertThat(this.mvc.get().uri("/bench/noop/check/acme?version=1.9.0")).hasStatus(401);
			assertThat(
					this.mvc.post().uri("/bench/noop/check/acme").contentType(MediaType.APPLICATION_JSON).content(BODY))
				.hasStatus(401);
			assertThat(this.mvc.get().uri("/bench/naive/check/acme?version=1.9.0")).hasStatus(401);
		}

	}

}
