package dev.checkpoint.ingest;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The ping could not be made durable in time: 503, so the client may retry.
 */
class PingNotStoredException extends ErrorResponseException {

	private PingNotStoredException(ProblemDetail problem, HttpHeaders headers) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		getHeaders().addAll(headers);
	}

	static PingNotStoredException forProduct(String product) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The ping for '" + product + "' could not be stored now; retry later.");
		problem.setType(ProblemTypes.UNAVAILABLE);
		problem.setTitle("Storage unavailable");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return new PingNotStoredException(problem, headers);
	}

}
