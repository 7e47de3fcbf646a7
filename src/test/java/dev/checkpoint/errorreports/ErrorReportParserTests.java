package dev.checkpoint.errorreports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import dev.checkpoint.shared.RequestLimitsProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ErrorReportParserTests {

	private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

	private final ErrorReportParser parser = new ErrorReportParser(JsonMapper.builder().build(),
			VALIDATION.getValidator(),
			new RequestLimitsProperties(DataSize.ofKilobytes(64), Duration.ofSeconds(10), 32));

	@AfterAll
	static void closeValidation() {
		VALIDATION.close();
	}

	@Test
	void shouldReadReportWhenConsentIsTrue() throws Exception {
		ErrorReportRequest report = this.parser.parse("prisma", request("""
				{"product": "prisma", "version": "6.1.0", "os": "darwin", "arch": "arm64", "node_version": "v22.1.0",
				 "signature": "abc", "command": "prisma generate", "error_message": "boom\\u0000!",
				 "stack_trace": null, "consent": true, "extra": {"ignored": [1, 2]}}"""));
		assertThat(report).isEqualTo(new ErrorReportRequest("prisma", "6.1.0", "darwin", "arm64", "v22.1.0", "abc",
				"prisma generate", "boom!", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"version\": \"1\", \"error_message\": \"x\"}",
			"{\"version\": \"1\", \"error_message\": \"x\", \"consent\": false}",
			"{\"version\": \"1\", \"error_message\": \"x\", \"consent\": \"true\"}",
			"{\"version\": \"1\", \"error_message\": \"x\", \"consent\": 1}",
			"{\"version\": \"1\", \"error_message\": \"x\", \"consent\": null}",
			"{\"version\": {\"bad\": true}, \"consent\": [true]}" })
	void shouldRefuseWithConsentProblemWhenConsentIsNotJsonTrue(String body) {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.parser.parse("prisma", request(body)))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				assertThat(ex.getBody().getType()).hasToString("https://checkpoint.dev/problems/consent-required");
			});
	}

	@Test
	void shouldListEveryInvalidFieldWhenTypesAndValuesAreWrong() {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.parser.parse("prisma",
					request("{\"version\": 6, \"os\": {\"a\": [1]}, \"error_message\": [\"x\"], \"consent\": true}")))
			.satisfies((ex) -> assertThat(errors(ex)).containsExactly(error("error_message", "must be a string"),
					error("os", "must be a string"), error("version", "must be a string")));
	}

	@Test
	void shouldReportTypeAndConstraintErrorsTogetherWhenBothOccur() {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.parser.parse("prisma",
					request("{\"version\": 6, \"error_message\": \"\", \"consent\": true}")))
			.satisfies((ex) -> assertThat(errors(ex)).containsExactly(
					error("error_message", "must not be blank: the error message is what groups reports"),
					error("version", "must be a string")));
	}

	@Test
	void shouldRefuseBlankValuesAndOtherProductWhenValidating() {
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> this.parser.parse("prisma", request(
				"{\"product\": \"studio\", \"version\": \" \", \"error_message\": \"\\u0000\", \"consent\": true}")))
			.satisfies((ex) -> assertThat(errors(ex)).extracting((error) -> error.get("field"))
				.containsExactly("error_message", "product", "version"));
	}

	@Test
	void shouldRefuseStreamedBodyWhenLargerThanLimitWithoutContentLength() {
		MockHttpServletRequest request = new MockHttpServletRequest() {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		request.setContent(("{\"consent\": true, \"stack_trace\": \"" + "x".repeat(70_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> this.parser.parse("prisma", request))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not json", "[1, 2]", "\"text\"", "{\"consent\": true", "{\"a\": 1} }" })
	void shouldRefuseAsMalformedWhenBodyIsNotAJsonObject(String body) {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.parser.parse("prisma", request(body)))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getBody().getType()).hasToString("https://checkpoint.dev/problems/malformed-request");
			});
	}

	@Test
	void shouldRefuseAsMalformedWhenNestingIsTooDeep() {
		String body = "{\"consent\": true, \"junk\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.parser.parse("prisma", request(body)))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	private static MockHttpServletRequest request(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/errors/prisma");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> errors(ErrorResponseException ex) {
		return (List<Map<String, String>>) ex.getBody().getProperties().get("errors");
	}

	private static Map<String, String> error(String field, String message) {
		return Map.of("field", field, "message", message);
	}

}
