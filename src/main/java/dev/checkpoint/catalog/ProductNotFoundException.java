package dev.checkpoint.catalog;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A product name that the admin catalogue does not know: 404.
 */
class ProductNotFoundException extends ErrorResponseException {

	private ProductNotFoundException(ProblemDetail problem) {
		super(HttpStatus.NOT_FOUND, problem, null);
	}

	static ProductNotFoundException forName(String name) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"The product '" + name + "' is not in the catalogue.");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Product not found");
		return new ProductNotFoundException(problem);
	}

}
