package dev.checkpoint.webhooks;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One queued event of an endpoint with its attempts.
 *
 * @param id the delivery's id ({@code X-Checkpoint-Delivery})
 * @param eventId the event's id ({@code X-Checkpoint-Event-Id})
 * @param event the event
 * @param status pending, delivered or failed
 * @param createdAt when it was queued
 * @param nextAttemptAt when a pending one is tried next
 * @param attempts each attempt, oldest first
 */
record WebhookDeliveryResponse(long id, String eventId, String event, String status, Instant createdAt,
		Instant nextAttemptAt, List<Attempt> attempts) {

	/**
	 * @param attempt its number, from 1
	 * @param attemptedAt when
	 * @param statusCode the HTTP status answered, or null
	 * @param error why none came, or null
	 * @param durationMs how long it took
	 */
	record Attempt(int attempt, Instant attemptedAt, @Nullable Integer statusCode, @Nullable String error,
			int durationMs) {
	}

}
