package dev.checkpoint.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.checkpoint.shared.ProblemJson;
import dev.checkpoint.shared.ProblemTypes;
import dev.checkpoint.shared.Problems;
import dev.checkpoint.shared.RateLimitExceededException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.ErrorResponseException;

/**
 * 401, 403 and 429 as problem+json, written by the filter chain before any controller
 * runs.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		ErrorResponseException problem = Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
				"Authentication required",
				"Send a valid API token as 'Authorization: Bearer <token>' (or as the Basic password).");
		problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"checkpoint\"");
		ProblemJson.write(this.json, response, problem);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		ProblemJson.write(this.json, response, Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
				"Your token's role does not allow this request."));
	}

	/**
	 * 429 for a client that sent too many unknown or revoked tokens, with the limit's
	 * Retry-After.
	 */
	void tooManyFailures(HttpServletResponse response, RateLimitExceededException ex) throws IOException {
		ErrorResponseException problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
				"Too many requests",
				"Too many failed authentications from this client; retry after the seconds in Retry-After.");
		problem.getHeaders().putAll(ex.getHeaders());
		ProblemJson.write(this.json, response, problem);
	}

}
