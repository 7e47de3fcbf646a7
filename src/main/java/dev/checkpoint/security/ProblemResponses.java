package dev.checkpoint.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import dev.checkpoint.shared.ProblemJson;
import dev.checkpoint.shared.ProblemTypes;
import dev.checkpoint.shared.RateLimitExceededException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401, 403 and 429 as problem+json, written by the filter chain before any controller
 * runs.
 */
final class ProblemResponses {

	static final AuthenticationEntryPoint UNAUTHORIZED = (request, response, ex) -> write(response,
			HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Authentication required",
			"Send a valid API token as 'Authorization: Bearer <token>' (or as the Basic password).");

	static final AccessDeniedHandler FORBIDDEN = (request, response, ex) -> write(response, HttpStatus.FORBIDDEN,
			ProblemTypes.FORBIDDEN, "Forbidden", "Your token's role does not allow this request.");

	private ProblemResponses() {
	}

	/**
	 * 429 for a client that sent too many unknown or revoked tokens, with the limit's
	 * Retry-After.
	 */
	static void tooManyFailures(HttpServletResponse response, RateLimitExceededException ex) throws IOException {
		String retryAfter = ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		write(response, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many requests",
				"Too many failed authentications from this client; retry after the seconds in Retry-After.");
	}

	private static void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
			throws IOException {
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"checkpoint\"");
		}
		ProblemJson.write(response, status.value(), type, title, detail);
	}

}
