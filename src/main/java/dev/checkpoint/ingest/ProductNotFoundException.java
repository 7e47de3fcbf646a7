package dev.checkpoint.ingest;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A product name that is syntactically absurd, or unknown in strict mode: 404.
 */
class ProductNotFoundException extends ErrorResponseException {

	private ProductNotFoundException(ProblemDetail problem) {
		super(HttpStatus.NOT_FOUND, problem, null);
	}

	static ProductNotFoundException forInvalidName() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"A product name is 1 to 64 letters, digits, dots, underscores or dashes.");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("No such product");
		return new ProductNotFoundException(problem);
	}

	static ProductNotFoundException forName(String name) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"The product '" + name + "' is not in the catalogue.");
		problem.setType(ProblemTypes.UNKNOWN_PRODUCT);
		problem.setTitle("Unknown product");
		return new ProductNotFoundException(problem);
	}

}
