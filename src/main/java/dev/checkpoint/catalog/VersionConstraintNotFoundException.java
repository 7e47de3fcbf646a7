package dev.checkpoint.catalog;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A service and product without a version constraint: 404.
 */
class VersionConstraintNotFoundException extends ErrorResponseException {

	private VersionConstraintNotFoundException(ProblemDetail problem) {
		super(HttpStatus.NOT_FOUND, problem, null);
	}

	static VersionConstraintNotFoundException forKey(String service, String product) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no version constraint for service '" + service + "' and product '" + product + "'.");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Version constraint not found");
		return new VersionConstraintNotFoundException(problem);
	}

}
