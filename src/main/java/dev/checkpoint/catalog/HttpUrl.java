package dev.checkpoint.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The text is an http or https URL of at most 2048 characters, or empty; null is allowed.
 * Only the characters RFC 3986 allows in a URL are accepted (letters, digits,
 * {@code -._~:/?#[]@!$&'()*+,;=} and {@code %} followed by two hex digits), since the URL
 * is served back to clients: never a quote, {@code <}, {@code >}, backslash, whitespace,
 * control character or raw non-ASCII character such as U+2028.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpUrl.Validator.class)
@interface HttpUrl {

	String message() default "must be an http or https URL of at most 2048 characters,"
			+ " with characters outside RFC 3986 percent-encoded";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the scheme, the length and every character. */
	class Validator implements ConstraintValidator<HttpUrl, String> {

		private static final int MAX_LENGTH = 2048;

		private static final String ALLOWED_MARKS = "-._~:/?#[]@!$&'()*+,;=";

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isEmpty()) {
				return true;
			}
			int start = value.startsWith("https://") ? 8 : value.startsWith("http://") ? 7 : -1;
			return start > 0 && value.length() > start && value.length() <= MAX_LENGTH && allowedFrom(value, start);
		}

		private static boolean allowedFrom(String value, int start) {
			for (int i = start; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '%') {
					if (i + 2 >= value.length() || !isHex(value.charAt(i + 1)) || !isHex(value.charAt(i + 2))) {
						return false;
					}
					i += 2;
				}
				else if (!isLetterOrDigit(c) && ALLOWED_MARKS.indexOf(c) < 0) {
					return false;
				}
			}
			return true;
		}

		private static boolean isLetterOrDigit(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}

		private static boolean isHex(char c) {
			return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
		}

	}

}
