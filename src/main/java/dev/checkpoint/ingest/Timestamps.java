package dev.checkpoint.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import dev.checkpoint.shared.Problems;
import org.jspecify.annotations.Nullable;

/**
 * RFC 3339 timestamps as clients send them ({@code 2024-12-17T10:00:00Z},
 * {@code 2024-12-17T10:00:00.123+01:00}).
 */
final class Timestamps {

	private Timestamps() {
	}

	/** Empty for null or blank text; throws for text that is not RFC 3339. */
	static Optional<Instant> parse(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
		}
		catch (DateTimeParseException ex) {
			throw Problems.invalidField(field, "must be an RFC 3339 timestamp such as 2024-12-17T10:00:00Z");
		}
	}

}
