package dev.checkpoint.catalog;

import java.time.Instant;

/**
 * A security notice as delivered to clients.
 */
public record AlertView(int id, Instant date, String message, String url, String level) {
}
