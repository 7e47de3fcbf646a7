package dev.checkpoint.webhooks;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues an event for every live endpoint that asked for it, in the caller's transaction:
 * the event is delivered only if what it tells of commits, and once per endpoint (the
 * delivery's key is the event's id).
 */
@Component
class WebhookEvents {

	/** The events an endpoint may ask for. */
	static final List<String> NAMES = List.of("rollout.changed", "mau.month-closed", "error-group.created",
			"notice.exposure", "error-group.spike");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	WebhookEvents(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param event one of {@link #NAMES}
	 * @param text a line for people (the body's {@code text}, so that a Slack incoming
	 * webhook shows it as it is)
	 * @param data the event's figures
	 * @return how many deliveries were queued
	 */
	@Transactional
	int publish(String event, String text, Map<String, ?> data) {
		return queue(null, UUID.randomUUID(), event, text, data);
	}

	/**
	 * Queues an event for one endpoint, under an id that says what it tells of, so that
	 * telling the same thing again (a day computed again) queues nothing.
	 */
	@Transactional
	int publishTo(long endpoint, UUID eventId, String event, String text, Map<String, ?> data) {
		return queue(endpoint, eventId, event, text, data);
	}

	/** The live endpoints told of notice exposure, with their thresholds. */
	List<ExposureEndpoint> exposureEndpoints() {
		return this.jdbc.sql("""
				select id, exposure_threshold, exposure_after_days from webhook_endpoints
				where retired_at is null and 'notice.exposure' = any(events) and exposure_threshold is not null""")
			.query((rs, row) -> new ExposureEndpoint(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	private int queue(@Nullable Long endpoint, UUID id, String event, String text, Map<String, ?> data) {
		Instant now = this.clock.instant();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id.toString());
		body.put("event", event);
		body.put("created_at", now.toString());
		body.put("text", text);
		body.put("data", data);
		return this.jdbc
			.sql("""
					insert into webhook_deliveries (endpoint_id, event_id, event, body, created_at, status, next_attempt_at)
					select id, :event_id, :event, :body, :now, 'pending', :now from webhook_endpoints
					where retired_at is null and :event = any(events) and (cast(:endpoint as bigint) is null or id = :endpoint)
					on conflict (endpoint_id, event_id) do nothing""")
			.param("event_id", id)
			.param("event", event)
			.param("body", this.json.writeValueAsString(body))
			.param("now", Timestamp.from(now))
			.param("endpoint", endpoint, Types.BIGINT)
			.update();
	}

	/** The live endpoints told of crash-report spikes, with what counts as one. */
	List<SpikeEndpoint> spikeEndpoints() {
		return this.jdbc.sql("""
				select id, spike_factor, spike_min_reports from webhook_endpoints
				where retired_at is null and 'error-group.spike' = any(events) and spike_factor is not null""")
			.query((rs, row) -> new SpikeEndpoint(rs.getLong(1), rs.getDouble(2), rs.getInt(3)))
			.list();
	}

	/** An endpoint told of crash-report spikes. */
	record SpikeEndpoint(long id, double factor, int minReports) {
	}

	/** An endpoint told of notice exposure. */
	record ExposureEndpoint(long id, int threshold, int afterDays) {
	}

}
