package dev.checkpoint.reports;

import java.util.List;
import java.util.Map;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A report request with a bad parameter: 400 problem+json of type validation, with the
 * same {@code errors} list of field/message pairs as bean validation failures.
 */
class InvalidReportRequestException extends ErrorResponseException {

	private InvalidReportRequestException(ProblemDetail problem) {
		super(HttpStatus.BAD_REQUEST, problem, null);
	}

	static InvalidReportRequestException forParameter(String parameter, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Parameter '" + parameter + "' " + message + ".");
		problem.setType(ProblemTypes.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
		return new InvalidReportRequestException(problem);
	}

}
