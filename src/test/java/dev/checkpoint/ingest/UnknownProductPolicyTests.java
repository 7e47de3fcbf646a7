package dev.checkpoint.ingest;

import dev.checkpoint.TestcontainersConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configurable answer to products the catalogue does not list: strict 404, or the
 * neutral 200 body without storing anything.
 */
class UnknownProductPolicyTests {

	@Nested
	@SpringBootTest(properties = "checkpoint.ingest.unknown-products=reject")
	@AutoConfigureMockMvc
	@Import(TestcontainersConfiguration.class)
	@Sql("/fixtures/clean-pings.sql")
	class StrictMode {

		@Autowired
		MockMvcTester mvc;

		@Autowired
		JdbcClient jdbc;

		@Test
		void shouldAnswer404ProblemAndStoreNothingWhenProductIsUnknown() {
			assertThat(this.mvc.get().uri("/v1/check/never-published?version=1.0.0")).hasStatus(404)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("type")
				.isEqualTo("https://checkpoint.dev/problems/unknown-product");
			assertThat(this.mvc.get().uri("/v1/check/prisma?version=1.0.0")).hasStatusOk();
			assertThat(this.mvc.post().uri("/v1/telemetry/never-published").content("{}")).hasStatus(201);
			assertThat(this.jdbc.sql("select product from pings").query(String.class).list()).containsExactly("prisma");
		}

	}

	@Nested
	@SpringBootTest(properties = "checkpoint.ingest.unknown-products=drop")
	@AutoConfigureMockMvc
	@Import(TestcontainersConfiguration.class)
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

}
