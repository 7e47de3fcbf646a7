package dev.checkpoint.errorreports;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error report id that does not exist (or is not a uuid): 404.
 */
class ErrorReportNotFoundException extends ErrorResponseException {

	private ErrorReportNotFoundException(ProblemDetail problem) {
		super(HttpStatus.NOT_FOUND, problem, null);
	}

	static ErrorReportNotFoundException forId(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no error report " + Ids.quoted(id) + ".");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Error report not found");
		return new ErrorReportNotFoundException(problem);
	}

}
