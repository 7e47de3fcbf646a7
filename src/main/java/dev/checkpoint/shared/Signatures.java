package dev.checkpoint.shared;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Stores signatures compactly as uuids: the uuid itself when the text is 8-4-4-4-12 hex
 * (Prisma's v4 uuids and go-checkpoint's random bytes alike), otherwise a stable
 * name-based uuid of the text, so any signature counts once. An empty signature is none.
 */
public final class Signatures {

	private static final Pattern HEX_UUID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private Signatures() {
	}

	public static @Nullable UUID toUuid(@Nullable String signature) {
		if (signature == null || signature.isBlank()) {
			return null;
		}
		String text = signature.trim();
		if (HEX_UUID.matcher(text).matches()) {
			return UUID.fromString(text);
		}
		return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
