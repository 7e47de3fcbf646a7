package dev.checkpoint.security;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class TokenNotFoundException extends ErrorResponseException {

	private TokenNotFoundException(ProblemDetail problem) {
		super(HttpStatus.NOT_FOUND, problem, null);
	}

	static TokenNotFoundException forId(long id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No token has the id " + id + ".");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("Token not found");
		return new TokenNotFoundException(problem);
	}

}
