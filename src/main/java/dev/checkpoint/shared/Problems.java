package dev.checkpoint.shared;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The one place that builds problems (RFC 9457): each has a stable type from
 * {@link ProblemTypes}, a human title and a detail. A problem is thrown as Spring's
 * {@link ErrorResponseException}, which Spring MVC answers as problem+json, or written by
 * {@link ProblemJson} where no controller runs.
 */
public final class Problems {

	private Problems() {
	}

	/** 404: the resource does not exist. */
	public static ErrorResponseException notFound(String title, String detail) {
		return of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, title, detail);
	}

	/** 400 of type validation for one field. */
	public static ErrorResponseException invalidField(String field, String message) {
		return invalidFields(List.of(fieldError(field, message)));
	}

	/**
	 * 400 of type validation.
	 * @param errors field and message pairs ({@link #fieldError}), the {@code errors}
	 * property
	 */
	public static ErrorResponseException invalidFields(List<Map<String, String>> errors) {
		return invalidFields("The request has invalid values.", errors);
	}

	/** 400 of type validation with a detail of its own. */
	public static ErrorResponseException invalidFields(String detail, List<Map<String, String>> errors) {
		ErrorResponseException problem = of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", detail);
		problem.getBody().setProperty("errors", errors);
		return problem;
	}

	/** An entry of the {@code errors} of a validation problem. */
	public static Map<String, String> fieldError(String field, String message) {
		return Map.of("field", field, "message", message);
	}

	/** 400: a request that cannot be read. */
	public static ErrorResponseException malformed(String detail) {
		return of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request", detail);
	}

	/** 409: the request conflicts with what exists. */
	public static ErrorResponseException conflict(String title, String detail) {
		return of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, title, detail);
	}

	/** 413. */
	public static ErrorResponseException payloadTooLarge(String detail) {
		return of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", detail);
	}

	/** 503 with Retry-After in whole seconds, at least one. */
	public static ErrorResponseException unavailable(String title, String detail, Duration retryAfter) {
		ErrorResponseException problem = of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, title, detail);
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
		return problem;
	}

	/** Any other problem. */
	public static ErrorResponseException of(HttpStatusCode status, URI type, String title, String detail) {
		return new ErrorResponseException(status, body(status, type, title, detail), null);
	}

	/** The body of any other problem, for an answer that is not thrown. */
	public static ProblemDetail body(HttpStatusCode status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	/**
	 * An answer of a status that has no more specific problem (the container's errors,
	 * the first filters): the status's type and reason phrase.
	 */
	static ErrorResponseException forStatus(int status, String detail) {
		HttpStatus known = HttpStatus.resolve(status);
		return of(HttpStatusCode.valueOf(status), ProblemTypes.forStatus(status),
				(known != null) ? known.getReasonPhrase() : "Error", detail);
	}

	/** The same with the detail the application gives without knowing more. */
	static ErrorResponseException forStatus(int status) {
		return forStatus(status, switch (status) {
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
		});
	}

	/** A wait as the seconds of a Retry-After: rounded up, at least one. */
	static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
