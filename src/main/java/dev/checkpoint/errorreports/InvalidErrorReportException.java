package dev.checkpoint.errorreports;

import java.util.List;
import java.util.Map;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A crash report that is refused before anything is stored: no consent (422), too large
 * (413), not JSON (400), invalid values (400) or a product name no product can have
 * (404).
 */
class InvalidErrorReportException extends ErrorResponseException {

	private InvalidErrorReportException(HttpStatus status, ProblemDetail problem) {
		super(status, problem, null);
	}

	static InvalidErrorReportException forMissingConsent() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"A crash report is only accepted with \"consent\": true, after the user agreed to send it. "
						+ "Nothing was stored.");
		problem.setType(ProblemTypes.CONSENT_REQUIRED);
		problem.setTitle("Consent required");
		return new InvalidErrorReportException(HttpStatus.UNPROCESSABLE_CONTENT, problem);
	}

	static InvalidErrorReportException forTooLarge(long limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + limit + " bytes.");
		problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
		problem.setTitle("Payload too large");
		return new InvalidErrorReportException(HttpStatus.CONTENT_TOO_LARGE, problem);
	}

	static InvalidErrorReportException forMalformedJson() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not a JSON object.");
		problem.setType(ProblemTypes.MALFORMED_REQUEST);
		problem.setTitle("Malformed request");
		return new InvalidErrorReportException(HttpStatus.BAD_REQUEST, problem);
	}

	/**
	 * @param errors field and message pairs, as in every validation problem
	 */
	static InvalidErrorReportException forErrors(List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid values.");
		problem.setType(ProblemTypes.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return new InvalidErrorReportException(HttpStatus.BAD_REQUEST, problem);
	}

	static InvalidErrorReportException forProductName() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"A product name is 1 to 64 letters, digits, dots, underscores or dashes.");
		problem.setType(ProblemTypes.NOT_FOUND);
		problem.setTitle("No such product");
		return new InvalidErrorReportException(HttpStatus.NOT_FOUND, problem);
	}

}
