package dev.checkpoint.shared;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTests {

	@Test
	void shouldBuildNotFound() {
		assertProblem(Problems.notFound("Token not found", "No token has the id 7."), 404, ProblemTypes.NOT_FOUND,
				"Token not found", "No token has the id 7.", null);
	}

	@Test
	void shouldBuildInvalidFieldsInTheValidationShape() {
		List<Map<String, String>> one = List.of(Map.of("field", "signature", "message", "must not be blank"));
		assertProblem(Problems.invalidField("signature", "must not be blank"), 400, ProblemTypes.VALIDATION,
				"Invalid request", "The request has invalid values.", one);
		List<Map<String, String>> two = List.of(Problems.fieldError("os", "must be a string"),
				Problems.fieldError("version", "must be a string"));
		assertProblem(Problems.invalidFields(two), 400, ProblemTypes.VALIDATION, "Invalid request",
				"The request has invalid values.", two);
		assertProblem(Problems.invalidFields("Parameter 'format' must be json or csv.", one), 400,
				ProblemTypes.VALIDATION, "Invalid request", "Parameter 'format' must be json or csv.", one);
		assertThat(Problems.fieldError("os", "must be a string"))
			.isEqualTo(Map.of("field", "os", "message", "must be a string"));
	}

	@Test
	void shouldBuildMalformedConflictAndPayloadTooLarge() {
		assertProblem(Problems.malformed("The request body is not a JSON object."), 400, ProblemTypes.MALFORMED_REQUEST,
				"Malformed request", "The request body is not a JSON object.", null);
		assertProblem(Problems.conflict("Release already exists", "It does."), 409, ProblemTypes.CONFLICT,
				"Release already exists", "It does.", null);
		assertProblem(Problems.payloadTooLarge("The request body is larger than 10 bytes."), 413,
				ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", "The request body is larger than 10 bytes.", null);
	}

	@Test
	void shouldBuildUnavailableWithRetryAfterInWholeSecondsRoundedUp() {
		ErrorResponseException problem = Problems.unavailable("Storage unavailable", "Retry later.",
				Duration.ofMillis(4001));
		assertProblem(problem, 503, ProblemTypes.UNAVAILABLE, "Storage unavailable", "Retry later.", null);
		assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(Problems.unavailable("t", "d", Duration.ZERO).getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
			.isEqualTo("1");
	}

	@Test
	void shouldBuildAnyOtherProblemThrownOrNot() {
		assertProblem(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.CONSENT_REQUIRED, "Consent required",
				"No consent."), 422, ProblemTypes.CONSENT_REQUIRED, "Consent required", "No consent.", null);
		assertThat(Problems.body(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error", "Oops."))
			.satisfies((body) -> {
				assertThat(body.getStatus()).isEqualTo(500);
				assertThat(body.getType()).isEqualTo(ProblemTypes.INTERNAL);
				assertThat(body.getTitle()).isEqualTo("Internal error");
				assertThat(body.getDetail()).isEqualTo("Oops.");
				assertThat(body.getProperties()).isNull();
			});
	}

	@Test
	void shouldBuildProblemOfAStatusWithItsTypeAndReasonPhrase() {
		assertProblem(Problems.forStatus(408, "Too slow."), 408, ProblemTypes.MALFORMED_REQUEST, "Request Timeout",
				"Too slow.", null);
		assertProblem(Problems.forStatus(413), 413, ProblemTypes.PAYLOAD_TOO_LARGE, "Content Too Large",
				"The request body is too large.", null);
		assertProblem(Problems.forStatus(599), 599, ProblemTypes.INTERNAL, "Error",
				"The server could not complete the request.", null);
	}

	private static void assertProblem(ErrorResponseException problem, int status, URI type, String title, String detail,
			@Nullable List<Map<String, String>> errors) {
		assertThat(problem.getStatusCode().value()).isEqualTo(status);
		assertThat(problem.getBody().getStatus()).isEqualTo(status);
		assertThat(problem.getBody().getType()).isEqualTo(type);
		assertThat(problem.getBody().getTitle()).isEqualTo(title);
		assertThat(problem.getBody().getDetail()).isEqualTo(detail);
		if (errors == null) {
			assertThat(problem.getBody().getProperties()).isNull();
		}
		else {
			assertThat(problem.getBody().getProperties()).isEqualTo(Map.of("errors", errors));
		}
	}

}
