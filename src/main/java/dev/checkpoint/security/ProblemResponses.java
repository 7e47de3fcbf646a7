package dev.checkpoint.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import dev.checkpoint.shared.ProblemJson;
import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json, written by the filter chain before any controller runs.
 */
final class ProblemResponses {

	static final AuthenticationEntryPoint UNAUTHORIZED = (request, response, ex) -> write(response,
			HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Authentication required",
			"Send a valid API token as 'Authorization: Bearer <token>' (or as the Basic password).");

	static final AccessDeniedHandler FORBIDDEN = (request, response, ex) -> write(response, HttpStatus.FORBIDDEN,
			ProblemTypes.FORBIDDEN, "Forbidden", "Your token's role does not allow this request.");

	private ProblemResponses() {
	}

	private static void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
			throws IOException {
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"checkpoint\"");
		}
		ProblemJson.write(response, status.value(), type, title, detail);
	}

}
