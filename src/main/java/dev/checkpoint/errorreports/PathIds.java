package dev.checkpoint.errorreports;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.checkpoint.shared.Problems;

import org.springframework.web.ErrorResponseException;

/**
 * The error group and report ids that arrive in paths: parsed as uuids (anything else
 * simply finds nothing), and the 404 of an id that finds nothing.
 */
final class PathIds {

	private static final Pattern UUID_TEXT = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private PathIds() {
	}

	static Optional<UUID> parse(String id) {
		return UUID_TEXT.matcher(id).matches() ? Optional.of(UUID.fromString(id)) : Optional.empty();
	}

	static ErrorResponseException groupNotFound(String id) {
		return Problems.notFound("Error group not found", "There is no error group " + quoted(id) + ".");
	}

	static ErrorResponseException reportNotFound(String id) {
		return Problems.notFound("Error report not found", "There is no error report " + quoted(id) + ".");
	}

	/** The id for a problem detail: quoted, and cut short when it is not a uuid. */
	static String quoted(String id) {
		String shown = (id.length() > 40) ? id.substring(0, 40) + "…" : id;
		return "'" + shown + "'";
	}

}
