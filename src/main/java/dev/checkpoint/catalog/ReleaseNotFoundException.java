package dev.checkpoint.catalog;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A release version that a product does not have: 404.
 */
class ReleaseNotFoundException extends ErrorResponseException {

	private ReleaseNotFoundException(ProblemDetail problem) {
		super(HttpStatus.NOT_FOUND, problem, null);
	}

	static ReleaseNotFoundException forVersion(String product, String version) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"The product '" + product + "' has no release '" + version + "'.");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Release not found");
		return new ReleaseNotFoundException(problem);
	}

}
