package dev.checkpoint.shared;

import java.util.regex.Pattern;

import org.springframework.web.ErrorResponseException;

/**
 * What a product name may be, wherever one arrives (client routes, error reports, the
 * admin API): 1 to 64 letters, digits, dots, underscores or dashes, and not dots alone.
 */
public final class ProductNames {

	public static final String PATTERN = "^[A-Za-z0-9._-]{1,64}$";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	private ProductNames() {
	}

	public static boolean isValid(String name) {
		return COMPILED.matcher(name).matches() && !name.chars().allMatch((c) -> c == '.');
	}

	/** The 404 of a name that is not {@linkplain #isValid valid}: no product has it. */
	public static ErrorResponseException notFound() {
		return Problems.notFound("No such product",
				"A product name is 1 to 64 letters, digits, dots, underscores or dashes.");
	}

}
