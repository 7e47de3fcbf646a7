package dev.checkpoint.webhooks;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.checkpoint.audit.AuditLog;
import dev.checkpoint.shared.Problems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, lists and removes endpoints, and shows their deliveries. Audited. */
@Service
class WebhookService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final WebhookUrls urls;

	private final AuditLog audit;

	private final Clock clock;

	WebhookService(JdbcClient jdbc, WebhookUrls urls, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.urls = urls;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	WebhookEndpointResponse register(WebhookEndpointRequest request) {
		String url = Objects.requireNonNull(request.url());
		this.urls.refusal(url).ifPresent((refusal) -> {
			throw Problems.invalidField("url", refusal);
		});
		List<String> events = Objects.requireNonNull(request.events()).stream().distinct().toList();
		for (String event : events) {
			if (!WebhookEvents.NAMES.contains(event)) {
				throw Problems.invalidField("events", "must be among " + String.join(", ", WebhookEvents.NAMES));
			}
		}
		WebhookEndpointRequest.NoticeExposure exposure = request.noticeExposure();
		if (events.contains("notice.exposure") && exposure == null) {
			throw Problems.invalidField("notice_exposure", "must be set for the event notice.exposure");
		}
		WebhookEndpointRequest.ErrorSpike spike = request.errorSpike();
		if (events.contains("error-group.spike") && spike == null) {
			throw Problems.invalidField("error_spike", "must be set for the event error-group.spike");
		}
		String secret = (request.secret() != null) ? request.secret() : generatedSecret();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		long id = this.jdbc.sql("""
				insert into webhook_endpoints (url, secret, events, created_at, exposure_threshold, exposure_after_days,
				  spike_factor, spike_min_reports)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(url, secret, new SqlArrayValue("text", events.toArray()), Timestamp.from(now),
					(exposure != null) ? exposure.threshold() : null, (exposure != null) ? exposure.afterDays() : null,
					(spike != null) ? spike.factor() : null, (spike != null) ? spike.minReports() : null)
			.query(Long.class)
			.single();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("url", url);
		details.put("events", events);
		this.audit.record("webhook.registered", "webhook", String.valueOf(id), details);
		return new WebhookEndpointResponse(id, url, events, exposure, spike, secret, now, null);
	}

	@Transactional(readOnly = true)
	List<WebhookEndpointResponse> list() {
		return this.jdbc.sql("""
				select id, url, events, exposure_threshold, exposure_after_days, spike_factor, spike_min_reports,
				  created_at, retired_at
				from webhook_endpoints order by id""").query((rs, row) -> endpoint(rs)).list();
	}

	@Transactional
	void retire(long id) {
		int retired = this.jdbc.sql("update webhook_endpoints set retired_at = ? where id = ? and retired_at is null")
			.params(Timestamp.from(this.clock.instant()), id)
			.update();
		if (retired > 0) {
			this.audit.record("webhook.retired", "webhook", String.valueOf(id), Map.of());
		}
		else {
			require(id);
		}
	}

	/** The endpoint's newest 100 deliveries with their attempts. */
	@Transactional(readOnly = true)
	List<WebhookDeliveryResponse> deliveries(long id) {
		require(id);
		Map<Long, List<WebhookDeliveryResponse.Attempt>> attempts = new HashMap<>();
		this.jdbc.sql("""
				select a.* from webhook_attempts as a join webhook_deliveries as d on d.id = a.delivery_id
				where d.endpoint_id = ? order by a.delivery_id, a.attempt""").param(id).query((rs) -> {
			attempts.computeIfAbsent(rs.getLong("delivery_id"), (key) -> new ArrayList<>())
				.add(new WebhookDeliveryResponse.Attempt(rs.getInt("attempt"),
						rs.getTimestamp("attempted_at").toInstant(), (Integer) rs.getObject("status_code"),
						rs.getString("error"), rs.getInt("duration_ms")));
		});
		return this.jdbc.sql("""
				select id, event_id, event, status, created_at, next_attempt_at from webhook_deliveries
				where endpoint_id = ? order by id desc limit 100""")
			.param(id)
			.query((rs, row) -> new WebhookDeliveryResponse(rs.getLong("id"), rs.getString("event_id"),
					rs.getString("event"), rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("next_attempt_at").toInstant(), attempts.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private void require(long id) {
		boolean exists = this.jdbc.sql("select exists (select 1 from webhook_endpoints where id = ?)")
			.param(id)
			.query(Boolean.class)
			.single();
		if (!exists) {
			throw Problems.notFound("Webhook not found", "There is no webhook endpoint " + id + ".");
		}
	}

	private static WebhookEndpointResponse endpoint(ResultSet rs) throws SQLException {
		Array events = rs.getArray("events");
		Timestamp retired = rs.getTimestamp("retired_at");
		Integer threshold = (Integer) rs.getObject("exposure_threshold");
		Integer afterDays = (Integer) rs.getObject("exposure_after_days");
		return new WebhookEndpointResponse(rs.getLong("id"), rs.getString("url"),
				Arrays.stream((Object[]) events.getArray()).map(String::valueOf).toList(),
				(threshold != null) ? new WebhookEndpointRequest.NoticeExposure(threshold, afterDays) : null,
				(rs.getObject("spike_factor") != null) ? new WebhookEndpointRequest.ErrorSpike(
						rs.getDouble("spike_factor"), rs.getInt("spike_min_reports")) : null,
				null, rs.getTimestamp("created_at").toInstant(), (retired != null) ? retired.toInstant() : null);
	}

	private static String generatedSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
