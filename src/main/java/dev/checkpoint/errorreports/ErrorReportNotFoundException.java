package dev.checkpoint.errorreports;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error report id or number that does not exist (or is neither a uuid nor a number),
 * or an attachment it does not have: 404.
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

	static ErrorReportNotFoundException forAttachment(String id, int position) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"Error report " + Ids.quoted(id) + " has no attachment " + position + ".");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Attachment not found");
		return new ErrorReportNotFoundException(problem);
	}

}
