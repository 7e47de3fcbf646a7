package dev.checkpoint.shared;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes a problem+json answer where no message converter is at hand (servlet filters,
 * the security filter chain, the container's error report). Title and detail are fixed
 * texts, never request data or exception messages.
 */
public final class ProblemJson {

	private ProblemJson() {
	}

	static void write(HttpServletResponse response, int status, String detail) throws IOException {
		write(response, status, ProblemTypes.forStatus(status), title(status), detail);
	}

	/** Writes the answer with its own type and title. */
	public static void write(HttpServletResponse response, int status, URI type, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(body(status, type, title, detail));
	}

	static String body(int status, String detail) {
		return body(status, ProblemTypes.forStatus(status), title(status), detail);
	}

	private static String body(int status, URI type, String title, String detail) {
		return "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(type, escape(title),
				status, escape(detail));
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	static String title(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	/** The detail of an answer the application gives without knowing more. */
	static String detail(int status) {
		return switch (status) {
			case 400 -> "The request is not valid HTTP: its request line, URL encoding, headers or body framing "
					+ "could not be parsed.";
			case 401 -> "Authentication required.";
			case 403 -> "Forbidden.";
			case 404 -> "No such resource.";
			case 405 -> "The method is not allowed on this resource.";
			case 413 -> "The request body is too large.";
			case 414, 431 -> "The URL or the headers are too large.";
			case 503 -> "The service is temporarily unavailable; retry later.";
			default ->
				(status < 500) ? "The request could not be handled." : "The server could not complete the request.";
		};
	}

}
