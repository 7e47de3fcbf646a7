package dev.checkpoint.ingest;

import java.util.List;
import java.util.stream.IntStream;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.catalog.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configurable answer to products the catalogue does not list: strict 404, the
 * neutral 200 body without storing anything (the default), or the neutral body with the
 * ping stored, for at most 10 new products per address and day.
 */
class UnknownProductPolicyTests {

	@Nested
	@CheckpointIntegrationTest(properties = "checkpoint.ingest.unknown-products=reject")
	@Sql({ "/fixtures/acme-catalog.sql", "/fixtures/clean-pings.sql" })
	class StrictMode {

		@Autowired
		MockMvcTester mvc;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		Catalog catalog;

		@BeforeEach
		void refreshCatalog() {
			this.catalog.refresh();
		}

		@Test
		void shouldAnswer404ProblemAndStoreNothingWhenProductIsUnknown() {
			assertThat(this.mvc.get().uri("/v1/check/never-published?version=1.0.0")).hasStatus(404)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("type")
				.isEqualTo("https://checkpoint.dev/problems/unknown-product");
			assertThat(this.mvc.get().uri("/v1/check/acme?version=1.0.0")).hasStatusOk();
			assertThat(this.mvc.post().uri("/v1/telemetry/never-published").content("{}")).hasStatus(201);
			assertThat(this.jdbc.sql("select product from ping_details").query(String.class).list())
				.containsExactly("acme");
		}

	}

	@Nested
	@CheckpointIntegrationTest // drop is the default
	@Sql("/fixtures/clean-pings.sql")
	class DropMode {

		@Autowired
		MockMvcTester mvc;

		@Autowired
		JdbcClient jdbc;

		@Test
		void shouldAnswerNeutralBodyAndStoreNothingWhenProductIsUnknown() {
			assertThat(this.mvc.get().uri("/v1/check/never-published?version=1.0.0")).hasStatusOk()
				.bodyJson()
				.extractingPath("current_version")
				.isEqualTo("1.0.0");
			assertThat(this.jdbc.sql("select count(*) from pings").query(Long.class).single()).isZero();
		}

	}

	@Nested
	@CheckpointIntegrationTest(properties = "checkpoint.ingest.unknown-products=store")
	@Sql({ "/fixtures/acme-catalog.sql", "/fixtures/clean-pings.sql" })
	class StoreMode {

		@Autowired
		MockMvcTester mvc;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		Catalog catalog;

		@BeforeEach
		void refreshCatalog() {
			this.catalog.refresh();
		}

		@Test
		void shouldStoreUnknownProductsButAtMostTenNewOnesPerAddressAndDay() {
			for (int i = 1; i <= 11; i++) {
				assertThat(check("junk-" + i, "192.0.2.70")).hasStatusOk()
					.bodyJson()
					.extractingPath("current_version")
					.isEqualTo("1.0.0");
			}
			assertThat(this.mvc.post().uri("/v1/telemetry/junk-12").with(from("192.0.2.70")).content("{}"))
				.hasStatus(201);
			assertThat(storedProducts()).containsExactlyInAnyOrderElementsOf(
					IntStream.rangeClosed(1, 10).mapToObj((i) -> "junk-" + i).toList());

			assertThat(check("junk-1", "192.0.2.70")).hasStatusOk();
			assertThat(check("acme", "192.0.2.70")).hasStatusOk();
			assertThat(check("junk-11", "192.0.2.71")).hasStatusOk();
			assertThat(pings("junk-1")).isEqualTo(2);
			assertThat(pings("acme")).isEqualTo(1);
			assertThat(pings("junk-11")).isEqualTo(1);
		}

		@Test
		void shouldNeverCapCatalogueProducts() {
			for (int i = 1; i <= 10; i++) {
				check("filler-" + i, "192.0.2.72");
			}
			assertThat(check("acme", "192.0.2.72")).hasStatusOk()
				.bodyJson()
				.extractingPath("current_version")
				.isEqualTo("2.0.0");
			assertThat(check("acme-lite", "192.0.2.72")).hasStatusOk();
			assertThat(pings("acme")).isEqualTo(1);
			assertThat(pings("acme-lite")).isEqualTo(1);
		}

		private MvcTestResult check(String product, String address) {
			return this.mvc.get().uri("/v1/check/{p}?version=1.0.0", product).with(from(address)).exchange();
		}

		private List<String> storedProducts() {
			return this.jdbc.sql("select product from monthly_anonymous where product not like 'acme%'")
				.query(String.class)
				.list();
		}

		private long pings(String product) {
			return this.jdbc.sql("select coalesce(sum(pings), 0) from monthly_anonymous where product = ?")
				.param(product)
				.query(Long.class)
				.single();
		}

		private static RequestPostProcessor from(String address) {
			return (request) -> {
				request.setRemoteAddr(address);
				return request;
			};
		}

	}

}
