package dev.checkpoint.ingest;

import java.util.List;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.catalog.Catalog;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At most 3 new signatures per address, product and day count as actives; the rest are
 * stored as anonymous pings while the clients keep getting their normal answers.
 */
@CheckpointIntegrationTest(properties = { "checkpoint.ingest.signature-cap.max-new-per-day=3",
		"checkpoint.rate-limits.client-ip-header=X-Forwarded-For" })
@Sql({ "/fixtures/acme-catalog.sql", "/fixtures/clean-pings.sql" })
class SignatureCapIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Catalog catalog;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void refreshCatalog() {
		this.catalog.refresh();
	}

	@Test
	void shouldCountNewSignaturesBeyondTheCapAsAnonymousAndStillAnswer200() {
		List<UUID> signatures = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID());
		double cappedBefore = capped();
		for (UUID signature : signatures) {
			MvcTestResult result = check("192.0.2.30", signature, "2.0.0");
			assertThat(result).hasStatus(200);
			assertThat(result).bodyJson().extractingPath("$.current_version").isEqualTo("2.0.0");
		}
		assertThat(storedSignatures()).containsExactlyInAnyOrderElementsOf(signatures.subList(0, 3));
		assertThat(count("select count(*) from monthly_actives where product = 'acme'")).isEqualTo(3);
		assertThat(anonymousPings()).isEqualTo(2);

		assertThat(check("192.0.2.30", signatures.get(0), "2.0.0")).hasStatus(200);
		assertThat(anonymousPings()).isEqualTo(2);
		assertThat(check("192.0.2.30", signatures.get(3), "2.0.0")).hasStatus(200);
		assertThat(anonymousPings()).isEqualTo(3);
		assertThat(capped() - cappedBefore).isEqualTo(3);

		assertThat(check("192.0.2.31", signatures.get(4), "2.0.0")).hasStatus(200);
		assertThat(storedSignatures()).hasSize(4).contains(signatures.get(4));
		assertThat(count("select count(*) from monthly_actives where product = 'acme'")).isEqualTo(4);
	}

	@Test
	void shouldCountTheCapPerProductWhenOneAddressPingsTwoProducts() {
		for (int i = 0; i < 4; i++) {
			assertThat(check("acme", "192.0.2.60", UUID.randomUUID(), "2.0.0")).hasStatus(200);
			assertThat(check("acme-lite", "192.0.2.60", UUID.randomUUID(), "1.0.0")).hasStatus(200);
		}
		assertThat(count("select count(*) from monthly_actives where product = 'acme'")).isEqualTo(3);
		assertThat(count("select count(*) from monthly_actives where product = 'acme-lite'")).isEqualTo(3);
	}

	@Test
	void shouldKeepCappingWhenTheClientRotatesTheFirstForwardedEntry() {
		for (int i = 0; i < 5; i++) {
			UUID signature = UUID.randomUUID();
			assertThat(this.mvc.get()
				.uri("/v1/check/acme?version=2.0.0&signature={s}", signature)
				.header("X-Forwarded-For", "203.0.113." + i + ", 198.51.100.60")).hasStatus(200);
		}
		assertThat(count("select count(*) from monthly_actives where product = 'acme'")).isEqualTo(3);
		assertThat(anonymousPings()).isEqualTo(2);
	}

	@Test
	void shouldCapRunReportsLikeChecks() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.mvc.post().uri("/v1/telemetry/acme").with((request) -> {
				request.setRemoteAddr("192.0.2.40");
				return request;
			}).content("{\"version\":\"2.0.0\",\"signature\":\"" + UUID.randomUUID() + "\"}")).hasStatus(201);
		}
		assertThat(storedSignatures()).hasSize(3);
		assertThat(anonymousPings()).isEqualTo(1);
	}

	@Test
	void shouldServeAlertsWithoutRememberingThemForCappedSignatures() {
		for (int i = 0; i < 3; i++) {
			check("192.0.2.50", UUID.randomUUID(), "2.0.0");
		}
		UUID capped = UUID.randomUUID();
		for (int i = 0; i < 2; i++) {
			JsonNode body = this.json
				.readTree(check("192.0.2.50", capped, "1.9.0").getResponse().getContentAsByteArray());
			assertThat(body.get("alerts").findValuesAsString("level")).containsExactly("warning");
		}
		assertThat(count("select count(*) from pings where signature = ?", capped)).isZero();
	}

	private MvcTestResult check(String address, UUID signature, String version) {
		return check("acme", address, signature, version);
	}

	private MvcTestResult check(String product, String address, UUID signature, String version) {
		return this.mvc.get()
			.uri("/v1/check/{p}?version={v}&os=linux&signature={s}", product, version, signature)
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			})
			.exchange();
	}

	private List<UUID> storedSignatures() {
		return this.jdbc
			.sql("select distinct signature from ping_details where product = 'acme' and signature is not null")
			.query(UUID.class)
			.list();
	}

	private long anonymousPings() {
		return count("select coalesce(sum(pings), 0) from monthly_anonymous where product = 'acme'");
	}

	private double capped() {
		return this.meters.counter("checkpoint.pings.signatures.capped").count();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
