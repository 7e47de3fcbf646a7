package dev.checkpoint.catalog;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A notice id that a product does not have: 404.
 */
class NoticeNotFoundException extends ErrorResponseException {

	private NoticeNotFoundException(ProblemDetail problem) {
		super(HttpStatus.NOT_FOUND, problem, null);
	}

	static NoticeNotFoundException forId(String product, int id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"The product '" + product + "' has no notice " + id + ".");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Notice not found");
		return new NoticeNotFoundException(problem);
	}

}
