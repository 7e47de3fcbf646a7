package dev.checkpoint.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One audit log entry.
 */
public record AuditEventView(long id, Instant occurredAt, String actor, String action, String entityType,
		String entityKey, JsonNode details) {
}
