package dev.checkpoint.errorreports;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;

/**
 * How the user agreed to send a crash report; stored and shown in lower case.
 */
enum Consent {

	/** {@code "consent": true} in the body of {@code POST /v1/errors/{product}}. */
	EXPLICIT,

	/** The Prisma CLI's own "Submit error report?" prompt, answered Yes. */
	PROMPT;

	String text() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The column holds {@link #text()}. */
	static final class Column implements AttributeConverter<Consent, String> {

		@Override
		public String convertToDatabaseColumn(Consent consent) {
			return consent.text();
		}

		@Override
		public Consent convertToEntityAttribute(String text) {
			return Consent.valueOf(text.toUpperCase(Locale.ROOT));
		}

	}

}
