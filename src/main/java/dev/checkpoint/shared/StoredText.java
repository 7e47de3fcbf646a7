package dev.checkpoint.shared;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * Makes text that clients send storable in a PostgreSQL {@code text} column within a
 * limit: NUL, which {@code text} cannot hold, is dropped, and a long value is cut (never
 * refused) to at most so many characters (Unicode code points, as PostgreSQL counts them)
 * or so many bytes of UTF-8, never inside a character. Null stays null.
 */
public final class StoredText {

	private StoredText() {
	}

	/** The text without NUL characters. */
	@Contract("null -> null; !null -> !null")
	public static @Nullable String withoutNul(@Nullable String text) {
		return (text != null) ? without(text, '\0') : null;
	}

	/**
	 * The text without NUL and without any of {@code dropped} (such as a separator of the
	 * stored format), cut to at most {@code maxCodePoints} characters.
	 */
	@Contract("null, _, _ -> null; !null, _, _ -> !null")
	public static @Nullable String clean(@Nullable String text, int maxCodePoints, char... dropped) {
		if (text == null) {
			return null;
		}
		String cleaned = without(text, '\0');
		for (char character : dropped) {
			cleaned = without(cleaned, character);
		}
		return truncate(cleaned, maxCodePoints);
	}

	/** At most {@code maxCodePoints} characters. */
	@Contract("null, _ -> null; !null, _ -> !null")
	public static @Nullable String truncate(@Nullable String text, int maxCodePoints) {
		if (text == null || text.length() <= maxCodePoints || text.codePointCount(0, text.length()) <= maxCodePoints) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
	}

	/** At most {@code maxBytes} bytes of UTF-8. */
	@Contract("null, _ -> null; !null, _ -> !null")
	public static @Nullable String truncateUtf8(@Nullable String text, int maxBytes) {
		if (text == null || text.length() * 3L <= maxBytes) {
			return text;
		}
		CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		CharBuffer in = CharBuffer.wrap(text);
		encoder.encode(in, ByteBuffer.allocate(maxBytes), true);
		return (in.position() >= text.length()) ? text : text.substring(0, in.position());
	}

	private static String without(String text, char dropped) {
		return (text.indexOf(dropped) >= 0) ? text.replace(String.valueOf(dropped), "") : text;
	}

}
