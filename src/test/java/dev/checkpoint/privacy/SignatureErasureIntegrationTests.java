package dev.checkpoint.privacy;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.catalog.Catalog;
import dev.checkpoint.shared.Signatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holder of a signature erases it over HTTP, without a token: every row stored under
 * it goes, in every module, and nothing of anyone else's.
 */
@CheckpointIntegrationTest
class SignatureErasureIntegrationTests {

	private static final String PRODUCT = "privtest-cli";

	private static final String ERASE = "/api/privacy/signatures/{signature}";

	private static final String[] TABLES = { "pings", "monthly_actives", "notice_deliveries", "error_reports" };

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Catalog catalog;

	private int noticeId;

	@BeforeEach
	void setUp() {
		clean();
		post("/api/admin/products", """
				{"name": "%s", "package_name": "%s"}""".formatted(PRODUCT, PRODUCT));
		post("/api/admin/products/{name}/releases", "{\"version\": \"2.0.0\"}", PRODUCT);
		this.noticeId = this.json
			.readTree(post("/api/admin/products/{name}/notices", "{\"message\": \"Upgrade\", \"level\": \"warning\"}",
					PRODUCT)
				.getResponse()
				.getContentAsByteArray())
			.get("id")
			.asInt();
	}

	@Test
	void shouldEraseEveryRowOfTheSignatureAndNothingElseWhenItsHolderAsks() {
		String a = UUID.randomUUID().toString();
		String b = UUID.randomUUID().toString();
		assertThat(alerts(a)).containsExactly(this.noticeId);
		assertThat(alerts(a)).isEmpty();
		assertThat(alerts(b)).containsExactly(this.noticeId);
		assertThat(alerts(b)).isEmpty();
		this.catalog.refresh();
		report(a, "Shared failure in migrate");
		report(a, "Failure only A ran into");
		report(b, "Shared failure in migrate");
		for (String table : TABLES) {
			assertThat(rows(table, a)).as(table).isPositive();
			assertThat(rows(table, b)).as(table).isPositive();
		}
		long[] before = counts(b);

		MvcTestResult erased = this.mvc.delete().uri(ERASE, a).with(newClient()).exchange();

		assertThat(erased).hasStatus(204);
		assertThat(erased.getResponse().getContentLength()).isZero();
		for (String table : TABLES) {
			assertThat(rows(table, a)).as(table).isZero();
		}
		assertThat(counts(b)).containsExactly(before);
		assertThat(this.jdbc.sql("select title, report_count from error_groups where product = ? order by title")
			.param(PRODUCT)
			.query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).containsExactly("Shared failure in migrate=1");
		assertThat(this.mvc.delete().uri(ERASE, a).with(newClient())).hasStatus(204);
	}

	@Test
	void shouldRecordErasureInAuditLogWithCountsButWithoutSignature() {
		String a = UUID.randomUUID().toString();
		alerts(a);
		assertThat(this.mvc.delete().uri(ERASE, a).with(newClient())).hasStatus(204);

		JsonNode details = this.json.readTree(this.jdbc.sql(
				"select details::text from audit_events where action = 'privacy.signature-erased' order by id desc limit 1")
			.query(String.class)
			.single());
		assertThat(details.get("pings").asLong()).isPositive();
		assertThat(details.get("monthly_actives").asLong()).isEqualTo(1);
		assertThat(details.get("error_reports").asLong()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_events where actor || entity_key || details::text like ?")
			.param("%" + a + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldWriteNoAuditEntryWhenNothingIsStoredUnderTheSignature() {
		assertThat(this.mvc.delete().uri(ERASE, UUID.randomUUID()).with(newClient())).hasStatus(204);
		assertThat(this.mvc.delete().uri(ERASE, "never-sent-by-anyone").with(newClient())).hasStatus(204);

		assertThat(erasuresAudited()).isZero();
		String a = UUID.randomUUID().toString();
		alerts(a);
		assertThat(this.mvc.delete().uri(ERASE, a).with(newClient())).hasStatus(204);
		assertThat(erasuresAudited()).isEqualTo(1);
		assertThat(this.mvc.delete().uri(ERASE, a).with(newClient())).hasStatus(204);
		assertThat(erasuresAudited()).as("erased again: nothing left").isEqualTo(1);
	}

	@Test
	void shouldIndexEveryTableAnErasureDeletesFromBySignature() {
		for (String table : TABLES) {
			assertThat(this.jdbc.sql("""
					select count(*) from pg_index x
					join pg_class t on t.oid = x.indrelid
					join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
					where t.relname = ? and a.attname = 'signature'""").param(table).query(Long.class).single())
				.as("an index of %s that leads with the signature", table)
				.isPositive();
		}
	}

	@Test
	void shouldSendNoticesAgainWhenSignatureWasErased() {
		String a = UUID.randomUUID().toString();
		assertThat(alerts(a)).containsExactly(this.noticeId);
		this.catalog.refresh();
		assertThat(alerts(a)).isEmpty();

		assertThat(this.mvc.delete().uri(ERASE, a).with(newClient())).hasStatus(204);

		assertThat(alerts(a)).containsExactly(this.noticeId);
		this.catalog.refresh();
		assertThat(alerts(a)).isEmpty();
		assertThat(rows("notice_deliveries", a)).isEqualTo(1);
	}

	@Test
	void shouldEraseSignatureTextsThatAreNotUuids() {
		String base64 = "c2lnbmF0dXJlIG9mIGEgY2xpZW50IQ==";
		String slashed = "Zm9v/YmFy+YmF6==";
		assertThat(
				this.mvc.get().uri("/v1/check/{product}", PRODUCT).param("version", "1.0.0").param("signature", base64))
			.hasStatusOk();
		assertThat(this.mvc.post()
			.uri("/v1/check/{product}", PRODUCT)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": \"1.0.0\", \"signature\": \"%s\"}".formatted(slashed))).hasStatusOk();
		assertThat(rows("pings", base64)).isPositive();
		assertThat(rows("pings", slashed)).isPositive();

		assertThat(this.mvc.delete().uri(ERASE, base64).with(newClient())).hasStatus(204);
		assertThat(this.mvc.delete().uri("/api/privacy/signatures").param("signature", slashed).with(newClient()))
			.hasStatus(204);

		for (String table : TABLES) {
			assertThat(rows(table, base64)).as(table).isZero();
			assertThat(rows(table, slashed)).as(table).isZero();
		}
	}

	@Test
	void shouldRefuseBlankOrOverlongSignatureWithProblem() {
		assertInvalid(this.mvc.delete().uri(ERASE, "x".repeat(129)).with(newClient()).exchange());
		assertInvalid(this.mvc.delete().uri(ERASE, "   ").with(newClient()).exchange());
		assertInvalid(
				this.mvc.delete().uri("/api/privacy/signatures").param("signature", "").with(newClient()).exchange());
		assertThat(this.mvc.delete().uri("/api/privacy/signatures").with(newClient())).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.delete().uri(ERASE, "x".repeat(128)).with(newClient())).hasStatus(204);
	}

	@Test
	void shouldRefuseWithRetryAfterWhenOneClientErasesTooOften() {
		RequestPostProcessor client = newClient();
		for (int i = 0; i < 10; i++) {
			assertThat(this.mvc.delete().uri(ERASE, UUID.randomUUID()).with(client)).hasStatus(204);
		}
		MvcTestResult refused = this.mvc.delete().uri(ERASE, UUID.randomUUID()).with(client).exchange();
		assertThat(refused).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://checkpoint.dev/problems/rate-limited");
		assertThat(Long.parseLong(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isPositive();
		assertThat(this.mvc.delete().uri(ERASE, UUID.randomUUID()).with(newClient())).hasStatus(204);
	}

	private long erasuresAudited() {
		return this.jdbc.sql("select count(*) from audit_events where action = 'privacy.signature-erased'")
			.query(Long.class)
			.single();
	}

	private void assertInvalid(MvcTestResult result) {
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/validation");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("signature");
	}

	/** Checks in as a 1.0.0 client with this signature; answers the alert ids. */
	private int[] alerts(String signature) {
		MvcTestResult result = this.mvc.get()
			.uri("/v1/check/{product}", PRODUCT)
			.param("version", "1.0.0")
			.param("os", "linux")
			.param("arch", "x64")
			.param("signature", signature)
			.exchange();
		assertThat(result).hasStatusOk();
		JsonNode alerts = this.json.readTree(result.getResponse().getContentAsByteArray()).get("alerts");
		int[] ids = new int[alerts.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = alerts.get(i).get("id").asInt();
		}
		return ids;
	}

	private void report(String signature, String message) {
		assertThat(this.mvc.post()
			.uri("/v1/errors/{product}", PRODUCT)
			.with(newClient())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version": "1.0.0", "signature": "%s", "error_message": "%s", "consent": true}"""
				.formatted(signature, message)))
			.hasStatus(201);
	}

	private long rows(String table, String signature) {
		return this.jdbc.sql("select count(*) from " + table + " where signature = ?")
			.param(Signatures.toUuid(signature))
			.query(Long.class)
			.single();
	}

	private long[] counts(String signature) {
		long[] counts = new long[TABLES.length];
		for (int i = 0; i < TABLES.length; i++) {
			counts[i] = rows(TABLES[i], signature);
		}
		return counts;
	}

	private MvcTestResult post(String uri, String body, Object... variables) {
		MvcTestResult result = this.mvc.post()
			.uri(uri, variables)
			.with(SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).hasStatus(201);
		return result;
	}

	/** A client address of its own, so that only the rate limit test meets the limit. */
	private static RequestPostProcessor newClient() {
		int client = CLIENTS.incrementAndGet();
		return (request) -> {
			request.setRemoteAddr("198.51.100." + client);
			return request;
		};
	}

	private void clean() {
		String like = "privtest-%";
		this.jdbc.sql("delete from pings where product_id in (select id from ping_products where name like ?)")
			.param(like)
			.update();
		this.jdbc.sql("delete from monthly_actives where product like ?").param(like).update();
		this.jdbc.sql("delete from monthly_anonymous where product like ?").param(like).update();
		this.jdbc.sql("delete from error_reports where product like ?").param(like).update();
		this.jdbc.sql("delete from error_groups where product like ?").param(like).update();
		this.jdbc.sql("delete from notices where product_id in (select id from products where name like ?)")
			.param(like)
			.update();
		this.jdbc.sql("delete from releases where product_id in (select id from products where name like ?)")
			.param(like)
			.update();
		this.jdbc.sql("delete from products where name like ?").param(like).update();
		this.jdbc.sql("delete from audit_events where entity_key like ? or action = 'privacy.signature-erased'")
			.param(like)
			.update();
	}

}
