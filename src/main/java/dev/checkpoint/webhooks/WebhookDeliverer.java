package dev.checkpoint.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the queued events that are due, on every instance: each delivery is locked by
 * the instance that takes it ({@code for update skip locked}) for its one attempt, so no
 * two instances send it at once, and marked delivered in the same transaction as the
 * answer. A delivery that fails (no 2xx, no answer within the timeout, a URL that may not
 * be called) is tried again after {@code first-retry}, doubled each time, until
 * {@code max-attempts}; then it is failed. A crash between the receiver's answer and the
 * commit sends it again: receivers dedupe on {@code X-Checkpoint-Event-Id}.
 */
@Component
class WebhookDeliverer {

	private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

	/** Most deliveries one run sends, so that a backlog is spread over runs. */
	static final int MAX_PER_RUN = 100;

	private final JdbcClient jdbc;

	private final WebhookUrls urls;

	private final WebhooksProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final HttpClient http;

	WebhookDeliverer(JdbcClient jdbc, WebhookUrls urls, WebhooksProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.urls = urls;
		this.properties = properties;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends what is due, one delivery per transaction.
	 * @return how many were attempted
	 */
	int deliverDue() {
		return deliverDue(this.clock.instant());
	}

	/** Sends what is due at {@code now}. */
	int deliverDue(Instant now) {
		int attempted = 0;
		while (attempted < MAX_PER_RUN && Boolean.TRUE.equals(this.transactions.execute((status) -> deliverOne(now)))) {
			attempted++;
		}
		return attempted;
	}

	private boolean deliverOne(Instant now) {
		Optional<Due> found = this.jdbc.sql("""
				select d.id, d.event_id, d.event, d.body, d.attempts, e.url, e.secret
				from webhook_deliveries as d join webhook_endpoints as e on e.id = d.endpoint_id
				where d.status = 'pending' and d.next_attempt_at <= :now and e.retired_at is null
				order by d.next_attempt_at limit 1
				for update of d skip locked""")
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Due(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("event"),
					rs.getString("body"), rs.getInt("attempts"), rs.getString("url"), rs.getString("secret")))
			.optional();
		if (found.isEmpty()) {
			return false;
		}
		Due due = found.get();
		int attempt = due.attempts() + 1;
		long started = System.nanoTime();
		Outcome outcome = send(due, now);
		int elapsed = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
		this.jdbc.sql("""
				insert into webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
				values (?, ?, ?, ?, ?, ?)""")
			.params(due.id(), attempt, Timestamp.from(now), outcome.status(), outcome.error(), elapsed)
			.update();
		String status = outcome.delivered() ? "delivered"
				: (attempt >= this.properties.maxAttempts()) ? "failed" : "pending";
		Instant next = now.plus(this.properties.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 20)));
		this.jdbc.sql("update webhook_deliveries set status = ?, attempts = ?, next_attempt_at = ? where id = ?")
			.params(status, attempt, Timestamp.from(next), due.id())
			.update();
		if (status.equals("failed")) {
			log.warn("Webhook delivery {} of {} failed after {} attempts: {}", due.id(), due.event(), attempt,
					outcome.error() != null ? outcome.error() : "HTTP " + outcome.status());
		}
		return true;
	}

	private Outcome send(Due due, Instant now) {
		Optional<String> refusal = this.urls.refusal(due.url());
		if (refusal.isPresent()) {
			return new Outcome(null, "URL refused: " + refusal.get());
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Checkpoint-Webhooks")
			.header("X-Checkpoint-Event", due.event())
			.header("X-Checkpoint-Event-Id", due.eventId().toString())
			.header("X-Checkpoint-Delivery", String.valueOf(due.id()))
			.header(WebhookSignatures.HEADER, WebhookSignatures.header(due.secret(), now.getEpochSecond(), due.body()))
			.POST(HttpRequest.BodyPublishers.ofString(due.body()))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			return new Outcome(response.statusCode(), null);
		}
		catch (IOException ex) {
			return new Outcome(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(null, "interrupted");
		}
	}

	private record Due(long id, UUID eventId, String event, String body, int attempts, String url, String secret) {
	}

	private record Outcome(@Nullable Integer status, @Nullable String error) {

		boolean delivered() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

	}

}
