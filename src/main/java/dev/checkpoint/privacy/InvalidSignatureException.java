package dev.checkpoint.privacy;

import java.util.List;
import java.util.Map;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A signature text no client can have sent: blank, or longer than the limit (400).
 */
class InvalidSignatureException extends ErrorResponseException {

	private InvalidSignatureException(ProblemDetail problem) {
		super(HttpStatus.BAD_REQUEST, problem, null);
	}

	static InvalidSignatureException forMessage(String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid values.");
		problem.setType(ProblemTypes.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", "signature", "message", message)));
		return new InvalidSignatureException(problem);
	}

}
