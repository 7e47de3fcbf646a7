package dev.checkpoint.shared;

import java.net.URI;

/**
 * Stable {@code type} URIs of the problem+json answers (RFC 9457).
 */
public final class ProblemTypes {

	private static final String BASE = "https://checkpoint.dev/problems/";

	public static final URI VALIDATION = URI.create(BASE + "validation");

	public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");

	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	public static final URI UNKNOWN_PRODUCT = URI.create(BASE + "unknown-product");

	public static final URI RATE_LIMITED = URI.create(BASE + "rate-limited");

	public static final URI CONSENT_REQUIRED = URI.create(BASE + "consent-required");

	public static final URI CONFLICT = URI.create(BASE + "conflict");

	public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");

	public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");

	public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");

	public static final URI INTERNAL = URI.create(BASE + "internal");

	private ProblemTypes() {
	}

	/** The type of a problem that has no more specific one, by HTTP status. */
	public static URI forStatus(int status) {
		return switch (status) {
			case 400 -> MALFORMED_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 414, 431 -> MALFORMED_REQUEST;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> RATE_LIMITED;
			case 503 -> UNAVAILABLE;
			default -> (status >= 400 && status < 500) ? MALFORMED_REQUEST : INTERNAL;
		};
	}

}
