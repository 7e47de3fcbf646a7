package dev.checkpoint.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.reports.NoticeExposureComputed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Webhooks against a local receiver: an event is queued in the transaction of the change
 * it tells of, delivered signed (HMAC-SHA256 of timestamp and body with the endpoint's
 * secret) with a Slack-compatible {@code text}, retried with backoff after a failure with
 * every attempt logged, and sent once however many deliverers run at the same time.
 */
@CheckpointIntegrationTest
class WebhookIntegrationTests {

	private static final String SECRET = "test-secret-0123456789";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	WebhookEvents events;

	@Autowired
	WebhookDeliverer deliverer;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	private HttpServer receiver;

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	@BeforeEach
	void startReceiver() throws IOException {
		this.jdbc.sql("truncate webhook_attempts, webhook_deliveries, webhook_endpoints cascade").update();
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(Executors.newFixedThreadPool(4));
		this.receiver.createContext("/hook", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("X-Checkpoint-Signature"),
					exchange.getRequestHeaders().getFirst("X-Checkpoint-Event-Id"),
					exchange.getRequestHeaders().getFirst("X-Checkpoint-Delivery"), body));
			int status = (this.failuresLeft.getAndDecrement() > 0) ? 500 : 204;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void shouldDeliverARolloutChangeSignedWithTheEndpointsSecret() {
		long id = register("rollout.changed");
		assertThat(this.mvc.post()
			.uri("/api/admin/products")
			.with(user("admin").roles("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"admintest-hook\"}")).hasStatus(201);
		post("/api/admin/products/admintest-hook/releases", "{\"version\": \"1.0.0\"}", 201);
		post("/api/admin/products/admintest-hook/releases", "{\"version\": \"2.0.0\", \"rollout\": {\"percent\": 5}}",
				201);
		post("/api/admin/products/admintest-hook/releases/2.0.0/rollout/pause", "", 200);

		assertThat(this.deliverer.deliverDue()).as("the pause (a publish with a rollout is not a rollout change)")
			.isEqualTo(1);

		Received delivery = this.received.poll();
		assertThat(delivery).isNotNull();
		String[] parts = delivery.signature().split(",");
		long timestamp = Long.parseLong(parts[0].substring("t=".length()));
		assertThat(parts[1]).isEqualTo("v1=" + WebhookSignatures.hmac(SECRET, timestamp + "." + delivery.body()));
		assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
		JsonNode body = this.json.readTree(delivery.body());
		assertThat(body.get("event").asString()).isEqualTo("rollout.changed");
		assertThat(body.get("id").asString()).isEqualTo(delivery.eventId());
		assertThat(body.get("text").asString())
			.isEqualTo("admintest-hook 2.0.0: rollout paused, paused at 5 % of developers");
		assertThat(body.get("data").get("percent").asDouble()).isEqualTo(5.0);
		assertThat(get("/api/admin/webhooks/" + id + "/deliveries")).bodyJson()
			.isLenientlyEqualTo("[{\"event\": \"rollout.changed\", \"status\": \"delivered\","
					+ " \"attempts\": [{\"attempt\": 1, \"status_code\": 204}]}]");
		this.jdbc
			.sql("delete from releases where product_id in (select id from products where name = 'admintest-hook')")
			.update();
		this.jdbc.sql("delete from products where name = 'admintest-hook'").update();
	}

	@Test
	void shouldTellOfANewCrashReportGroupOnce() {
		register("error-group.created");
		String report = """
				{"product": "errtest-hook", "version": "1.0.0", "consent": true,
				 "error_message": "Cannot read properties of undefined (reading 'hook-%s')"}"""
			.formatted(UUID.randomUUID());
		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc.post()
				.uri("/v1/errors/errtest-hook")
				.contentType(MediaType.APPLICATION_JSON)
				.content(report)).hasStatus(201);
		}

		assertThat(this.deliverer.deliverDue()).as("the second report joins the group: no new event").isOne();
		JsonNode body = this.json.readTree(this.received.poll().body());
		assertThat(body.get("event").asString()).isEqualTo("error-group.created");
		assertThat(body.get("text").asString()).startsWith("errtest-hook: new crash report group \"Cannot read");
		assertThat(body.get("data").get("group_id").asString()).isNotBlank();
	}

	@Test
	void shouldTellWhenANoticesExposureFallsBelowTheThresholdOrStaysAboveItOnce() {
		MvcTestResult registered = postResult("/api/admin/webhooks", """
				{"url": "http://127.0.0.1:%d/hook", "secret": "%s", "events": ["notice.exposure"],
				 "notice_exposure": {"threshold": 100, "after_days": 14}}"""
			.formatted(this.receiver.getAddress().getPort(), SECRET));
		assertThat(registered).hasStatus(201);
		Instant created = Instant.parse("2026-11-01T10:00:00Z");
		LocalDate first = LocalDate.of(2026, 11, 1);
		List<NoticeExposureComputed> days = List.of(
				new NoticeExposureComputed(7, "acme", "Upgrade", created, first.plusDays(13), 150L, 160L),
				new NoticeExposureComputed(7, "acme", "Upgrade", created, first.plusDays(14), 150L, 150L),
				new NoticeExposureComputed(7, "acme", "Upgrade", created, first.plusDays(14), 150L, 150L),
				new NoticeExposureComputed(7, "acme", "Upgrade", created, first.plusDays(20), 99L, 101L),
				new NoticeExposureComputed(7, "acme", "Upgrade", created, first.plusDays(21), 80L, 99L));
		for (NoticeExposureComputed day : days) {
			this.transactions.executeWithoutResult((status) -> this.publisher.publishEvent(day));
		}

		assertThat(this.deliverer.deliverDue()).as("still above on day 14 (once), below on day 20").isEqualTo(2);
		assertThat(this.received).extracting((r) -> this.json.readTree(r.body()).get("text").asString())
			.containsExactlyInAnyOrder(
					"acme: 150 developers still on a version notice #7 applies to, 14 days after it (threshold 100)",
					"acme: developers on a version notice #7 applies to fell below 100 (99 on 2026-11-21)");
		assertThat(postResult("/api/admin/webhooks",
				"{\"url\": \"https://example.test/x\", \"events\": [\"notice.exposure\"]}"))
			.hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("{\"errors\": [{\"field\": \"notice_exposure\"}]}");
	}

	@Test
	void shouldTellOfACrashReportGroupWhoseLastHourExceedsItsUsualRate() {
		MvcTestResult registered = postResult("/api/admin/webhooks", """
				{"url": "http://127.0.0.1:%d/hook", "secret": "%s", "events": ["error-group.spike"],
				 "error_spike": {"factor": 5, "min_reports": 3}}""".formatted(this.receiver.getAddress().getPort(),
				SECRET));
		assertThat(registered).hasStatus(201);
		String report = """
				{"product": "errtest-spike", "version": "1.0.0", "consent": true,
				 "error_message": "spike %s"}""".formatted(UUID.randomUUID());
		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc.post()
				.uri("/v1/errors/errtest-spike")
				.contentType(MediaType.APPLICATION_JSON)
				.content(report)).hasStatus(201);
		}
		assertThat(this.deliverer.deliverDue()).as("two reports: under the minimum of 3").isZero();
		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc.post()
				.uri("/v1/errors/errtest-spike")
				.contentType(MediaType.APPLICATION_JSON)
				.content(report)).hasStatus(201);
		}

		int delivered = this.deliverer.deliverDue();
		assertThat(delivered).as("once per group and clock hour (two when the hour turned between them)")
			.isBetween(1, 2);
		JsonNode body = this.json.readTree(this.received.poll().body());
		assertThat(body.get("event").asString()).isEqualTo("error-group.spike");
		assertThat(body.get("data").get("reports_last_hour").asLong()).isEqualTo(3);
		assertThat(body.get("text").asString()).startsWith("errtest-spike: 3 crash reports of \"spike");
		assertThat(postResult("/api/admin/webhooks",
				"{\"url\": \"https://example.test/x\", \"events\": [\"error-group.spike\"]}"))
			.hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("{\"errors\": [{\"field\": \"error_spike\"}]}");
	}

	@Test
	void shouldRetryWithBackoffAndLogEveryAttempt() {
		long id = register("mau.month-closed");
		this.failuresLeft.set(2);
		assertThat(this.events.publish("mau.month-closed", "acme: 12 developers", Map.of("developers", 12))).isOne();
		Instant now = Instant.now();

		assertThat(this.deliverer.deliverDue(now)).isOne();
		assertThat(this.deliverer.deliverDue(now.plusSeconds(29))).as("not before the first retry").isZero();
		assertThat(this.deliverer.deliverDue(now.plusSeconds(31))).isOne();
		assertThat(this.deliverer.deliverDue(now.plusSeconds(31 + 59))).as("the second retry waits twice as long")
			.isZero();
		assertThat(this.deliverer.deliverDue(now.plusSeconds(31 + 61))).isOne();
		assertThat(this.deliverer.deliverDue(now.plus(Duration.ofDays(1)))).as("delivered: never again").isZero();

		assertThat(this.received).hasSize(3).extracting(Received::eventId).containsOnly(this.received.peek().eventId());
		assertThat(get("/api/admin/webhooks/" + id + "/deliveries")).bodyJson()
			.isLenientlyEqualTo("[{\"status\": \"delivered\", \"attempts\": [{\"attempt\": 1, \"status_code\": 500},"
					+ " {\"attempt\": 2, \"status_code\": 500}, {\"attempt\": 3, \"status_code\": 204}]}]");
	}

	@Test
	void shouldSendEachEventOnceWhateverNumberOfDeliverersRunAtOnce() throws Exception {
		register("mau.month-closed");
		register("mau.month-closed");
		for (int i = 0; i < 15; i++) {
			this.events.publish("mau.month-closed", "month " + i, Map.of("i", i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(3);
		List<Future<Integer>> runs = List.of(pool.submit(() -> this.deliverer.deliverDue()),
				pool.submit(() -> this.deliverer.deliverDue()), pool.submit(() -> this.deliverer.deliverDue()));
		int attempted = 0;
		for (Future<Integer> run : runs) {
			attempted += run.get();
		}
		pool.shutdown();

		assertThat(attempted).isEqualTo(30);
		assertThat(this.received).hasSize(30);
		assertThat(this.received.stream().map(Received::delivery).distinct()).as("no delivery twice").hasSize(30);
		assertThat(this.received.stream()
			.collect(java.util.stream.Collectors.groupingBy(Received::eventId, java.util.stream.Collectors.counting())))
			.as("each event once to each of the two endpoints")
			.hasSize(15)
			.allSatisfy((event, count) -> assertThat(count).isEqualTo(2));
	}

	@Test
	void shouldRefuseAnUnknownEventAndAnUnsafeUrl() {
		assertThat(postResult("/api/admin/webhooks",
				"{\"url\": \"ftp://example.test/x\", \"events\": [\"rollout.changed\"]}"))
			.hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("{\"errors\": [{\"field\": \"url\"}]}");
		assertThat(postResult("/api/admin/webhooks",
				"{\"url\": \"https://example.test/x\", \"events\": [\"every.thing\"]}"))
			.hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("{\"errors\": [{\"field\": \"events\"}]}");
		assertThat(postResult("/api/admin/webhooks", "{\"url\": \"https://example.test/x\", \"events\": []}"))
			.hasStatus(400);
		assertThat(get("/api/admin/webhooks/999999/deliveries")).hasStatus(404);
		assertThat(get("/api/admin/webhooks/abc/deliveries")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private long register(String event) {
		MvcTestResult result = postResult("/api/admin/webhooks",
				"{\"url\": \"http://127.0.0.1:%d/hook\", \"secret\": \"%s\", \"events\": [\"%s\"]}"
					.formatted(this.receiver.getAddress().getPort(), SECRET, event));
		assertThat(result).hasStatus(201).bodyJson().extractingPath("$.secret").isEqualTo(SECRET);
		return this.json.readTree(result.getResponse().getContentAsByteArray()).get("id").asLong();
	}

	private void post(String uri, String body, int status) {
		assertThat(postResult(uri, body)).hasStatus(status);
	}

	private MvcTestResult postResult(String uri, String body) {
		return this.mvc.post()
			.uri(uri)
			.with(user("admin").roles("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(user("admin").roles("ADMIN")).exchange();
	}

	private record Received(String signature, String eventId, String delivery, String body) {
	}

}
