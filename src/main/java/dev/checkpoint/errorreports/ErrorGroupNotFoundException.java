package dev.checkpoint.errorreports;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error group id that does not exist (or is not a uuid): 404.
 */
class ErrorGroupNotFoundException extends ErrorResponseException {

	private ErrorGroupNotFoundException(ProblemDetail problem) {
		super(HttpStatus.NOT_FOUND, problem, null);
	}

	static ErrorGroupNotFoundException forId(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no error group " + Ids.quoted(id) + ".");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Error group not found");
		return new ErrorGroupNotFoundException(problem);
	}

}
