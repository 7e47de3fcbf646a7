package dev.checkpoint.shared;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemJsonTests {

	/** Quotes, backslashes, a control character and non-ASCII text. */
	private static final String DETAIL = "The entry \"C:\\temp\\a.sql\"\nis… odd.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
		.withUserConfiguration(JsonConfiguration.class);

	@Test
	void shouldWriteProblemAsJsonOfTheApplicationsMapperWhateverTheDetail() {
		this.runner.run((context) -> {
			JsonMapper json = context.getBean(JsonMapper.class);
			MockHttpServletResponse response = new MockHttpServletResponse();
			ProblemJson.write(json, response,
					Problems.unavailable("Service Unavailable", DETAIL, Duration.ofSeconds(1)));
			assertThat(response.getStatus()).isEqualTo(503);
			assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
			assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
			JsonNode body = json.readTree(response.getContentAsByteArray());
			assertThat(body.propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail");
			assertThat(body.get("type").asString()).isEqualTo(ProblemTypes.UNAVAILABLE.toString());
			assertThat(body.get("title").asString()).isEqualTo("Service Unavailable");
			assertThat(body.get("status").asInt()).isEqualTo(503);
			assertThat(body.get("detail").asString()).isEqualTo(DETAIL);
		});
	}

	@Test
	void shouldWriteValidationErrorsAsAPropertyOfTheProblem() {
		this.runner.run((context) -> {
			JsonMapper json = context.getBean(JsonMapper.class);
			MockHttpServletResponse response = new MockHttpServletResponse();
			ProblemJson.write(json, response, Problems.invalidField("path", DETAIL));
			JsonNode body = json.readTree(response.getContentAsByteArray());
			assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("path");
			assertThat(body.get("errors").get(0).get("message").asString()).isEqualTo(DETAIL);
		});
	}

}
