package dev.checkpoint.errorreports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Cuts text to what a column stores, never inside a character.
 */
final class Texts {

	private Texts() {
	}

	/** The text without NUL characters, which PostgreSQL text cannot hold. */
	static @Nullable String withoutNul(@Nullable String text) {
		return (text != null && text.indexOf('\0') >= 0) ? text.replace("\0", "") : text;
	}

	/** The text without NUL characters. */
	static String withoutNulNonNull(String text) {
		return (text.indexOf('\0') >= 0) ? text.replace("\0", "") : text;
	}

	/** At most {@code max} characters (code points stay whole). */
	static @Nullable String truncateChars(@Nullable String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = max;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	/** At most {@code maxBytes} bytes of UTF-8 (code points stay whole). */
	static @Nullable String truncateUtf8(@Nullable String text, int maxBytes) {
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

}
