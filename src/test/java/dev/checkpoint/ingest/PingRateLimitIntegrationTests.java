package dev.checkpoint.ingest;

import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.catalog.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-address limits on the client routes (and on the products' public pages, which are
 * as open), with the address taken from a trusted proxy header (every request here comes
 * from 127.0.0.1, a trusted proxy by default): the right-most entry that is not a trusted
 * proxy is the client, IPv6 clients are keyed on their /64.
 */
@CheckpointIntegrationTest(properties = { "checkpoint.rate-limits.client-ip-header=X-Forwarded-For",
		"checkpoint.rate-limits.limits.pings.capacity=3", "checkpoint.rate-limits.limits.pings.period=1h",
		"checkpoint.rate-limits.limits.versions.capacity=2", "checkpoint.rate-limits.limits.versions.period=1h",
		"checkpoint.rate-limits.limits.public.capacity=2", "checkpoint.rate-limits.limits.public.period=1h" })
@Sql({ "/fixtures/acme-catalog.sql", "/fixtures/clean-pings.sql" })
class PingRateLimitIntegrationTests {

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
	void shouldRefuseWithRetryAfterAndStoreNothingWhenOneAddressExceedsThePingLimit() {
		for (int i = 0; i < 3; i++) {
			assertThat(check("198.51.100.7, 10.0.0.1", UUID.randomUUID())).hasStatus(200);
		}
		UUID refusedSignature = UUID.randomUUID();
		MvcTestResult refused = check("198.51.100.7", refusedSignature);
		assertThat(refused).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://checkpoint.dev/problems/rate-limited");
		assertThat(Long.parseLong(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 1200L);
		assertThat(this.mvc.post()
			.uri("/v1/check/acme")
			.header("X-Forwarded-For", "198.51.100.7")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":\"2.0.0\",\"signature\":\"" + refusedSignature + "\"}")).hasStatus(429);
		assertThat(report("198.51.100.7", refusedSignature)).hasStatus(429);
		assertThat(distinctSignatures()).isEqualTo(3);
		assertThat(count("select count(*) from pings where signature = ?", refusedSignature)).isZero();
		assertThat(count("select count(*) from monthly_actives")).isEqualTo(3);
		assertThat(count("select count(*) from monthly_anonymous")).isZero();
	}

	@Test
	void shouldLimitThePublicPagesPerAddressWhetherOrNotTheProductPublishes() {
		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc.get().uri("/public/acme/mau.json").header("X-Forwarded-For", "198.51.100.77"))
				.hasStatus(404);
		}
		MvcTestResult refused = this.mvc.get()
			.uri("/public/other/shares.csv")
			.header("X-Forwarded-For", "198.51.100.77")
			.exchange();
		assertThat(refused).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(this.mvc.get().uri("/public/acme").header("X-Forwarded-For", "198.51.100.78")).hasStatus(404);
	}

	@Test
	void shouldKeepThrottlingWhenTheClientRotatesTheFirstForwardedEntry() {
		for (int i = 0; i < 3; i++) {
			assertThat(check("203.0.113." + i + ", 198.51.100.50", UUID.randomUUID())).hasStatus(200);
		}
		assertThat(check("203.0.113.99, 198.51.100.50", UUID.randomUUID())).hasStatus(429);
		assertThat(check("192.0.2.1, 203.0.113.7, 198.51.100.50, 10.0.0.2", UUID.randomUUID())).hasStatus(429);
		assertThat(report("203.0.113.100, 198.51.100.50", UUID.randomUUID())).hasStatus(429);
		assertThat(distinctSignatures()).isEqualTo(3);
	}

	@Test
	void shouldThrottleAnIpv6ClientOnItsSlash64() {
		for (int i = 1; i <= 3; i++) {
			assertThat(check("2001:db8:7:1::" + i, UUID.randomUUID())).hasStatus(200);
		}
		assertThat(check("2001:db8:7:1:ffff:ffff:ffff:ffff", UUID.randomUUID())).hasStatus(429);
		assertThat(check("2001:db8:7:2::1", UUID.randomUUID())).hasStatus(200);
	}

	@Test
	void shouldNotThrottleAnotherAddressBehindTheSameProxy() {
		for (int i = 0; i < 4; i++) {
			check("198.51.100.20", UUID.randomUUID());
		}
		assertThat(check("198.51.100.20", UUID.randomUUID())).hasStatus(429);
		assertThat(check("198.51.100.21", UUID.randomUUID())).hasStatus(200);
		assertThat(report("198.51.100.21", UUID.randomUUID())).hasStatus(201);
		assertThat(distinctSignatures()).isEqualTo(5);
	}

	@Test
	void shouldRefuseBeforeReadingTheBodyWhenThrottled() {
		for (int i = 0; i < 3; i++) {
			check("198.51.100.30", UUID.randomUUID());
		}
		MvcTestResult result = this.mvc.post()
			.uri("/v1/check/acme")
			.header("X-Forwarded-For", "198.51.100.30")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json")
			.exchange();
		assertThat(result).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void shouldLimitVersionsSeparatelyFromPings() {
		for (int i = 0; i < 2; i++) {
			assertThat(versions("198.51.100.40")).hasStatus(200);
		}
		MvcTestResult refused = versions("198.51.100.40");
		assertThat(refused).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(check("198.51.100.40", UUID.randomUUID())).hasStatus(200);
	}

	private MvcTestResult check(String forwardedFor, UUID signature) {
		return this.mvc.get()
			.uri("/v1/check/acme?version=2.0.0&os=linux&signature={s}", signature)
			.header("X-Forwarded-For", forwardedFor)
			.exchange();
	}

	private MvcTestResult report(String forwardedFor, UUID signature) {
		return this.mvc.post()
			.uri("/v1/telemetry/acme")
			.header("X-Forwarded-For", forwardedFor)
			.content("{\"version\":\"2.0.0\",\"signature\":\"" + signature + "\"}")
			.exchange();
	}

	private MvcTestResult versions(String forwardedFor) {
		return this.mvc.get()
			.uri("/v1/versions/acme-agent?product=acme")
			.header("X-Forwarded-For", forwardedFor)
			.exchange();
	}

	private long distinctSignatures() {
		return count("select count(distinct signature) from pings");
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
