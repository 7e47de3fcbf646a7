package dev.checkpoint.ingest;

import java.util.List;
import java.util.Map;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A ping whose body is not acceptable: 400 with the offending field.
 */
class InvalidPingException extends ErrorResponseException {

	private InvalidPingException(HttpStatus status, ProblemDetail problem) {
		super(status, problem, null);
	}

	static InvalidPingException forField(String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid values.");
		problem.setType(ProblemTypes.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return new InvalidPingException(HttpStatus.BAD_REQUEST, problem);
	}

	static InvalidPingException forMalformedJson() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not a JSON object.");
		problem.setType(ProblemTypes.MALFORMED_REQUEST);
		problem.setTitle("Malformed request");
		return new InvalidPingException(HttpStatus.BAD_REQUEST, problem);
	}

	static InvalidPingException forTooLarge(long limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + limit + " bytes.");
		problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
		problem.setTitle("Payload too large");
		return new InvalidPingException(HttpStatus.CONTENT_TOO_LARGE, problem);
	}

}
