package dev.checkpoint.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;

/**
 * Writes a problem ({@link Problems}) as problem+json, serialised by the application's
 * {@code JsonMapper}, where no message converter is at hand (servlet filters, the
 * security filter chain). Title and detail are fixed texts, never request data or
 * exception messages.
 */
public final class ProblemJson {

	private ProblemJson() {
	}

	/** Writes the problem's status, headers (such as Retry-After) and body. */
	public static void write(JsonMapper json, HttpServletResponse response, ErrorResponse problem) throws IOException {
		byte[] body = json.writeValueAsBytes(problem.getBody());
		response.setStatus(problem.getStatusCode().value());
		problem.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
