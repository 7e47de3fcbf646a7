package dev.checkpoint.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The report API's shape (a slice: this controller, the CSV converter, the problem
 * handler and the JSON settings, nothing else of the application), with the reports
 * themselves stubbed: which parameters it takes, the range it asks for, and the problems
 * it answers. What is stored and computed is {@link MauReportControllerIntegrationTests}'
 * part.
 */
@WebMvcTest(useDefaultFilters = false,
		includeFilters = {
				@Filter(type = FilterType.ASSIGNABLE_TYPE,
						classes = { MauReportController.class, ReportsWebConfiguration.class }),
				@Filter(type = FilterType.REGEX, pattern = { "dev\\.checkpoint\\.shared\\.ApiExceptionHandler",
						"dev\\.checkpoint\\.shared\\.JsonConfiguration" }) })
class MauReportControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	MauReportService reports;

	@MockitoBean
	HeadlinesService headlines;

	@BeforeEach
	void currentMonth() {
		given(this.reports.currentMonth()).willReturn(YearMonth.of(2026, 4));
		given(this.reports.months(anyString(), any(), any())).willReturn(List
			.of(new MauMonthView(YearMonth.of(2026, 4), 90, 80, 30, 3, false, Instant.parse("2026-04-10T00:00:00Z"))));
	}

	@Test
	void shouldAskForTheTwelveMonthsUpToTheCurrentOneWhenNoRangeIsGiven() {
		assertThat(this.mvc.get().uri("/api/reports/mau?product=acme").with(user("ops").roles("OPERATOR")))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"product\": \"acme\", \"from\": \"2025-05\", \"to\": \"2026-04\","
					+ " \"months\": [{\"month\": \"2026-04\", \"developers\": 90, \"developers_excluding_ci\": 80,"
					+ " \"returning_developers\": 30, \"anonymous_pings\": 3, \"final\": false}]}");
		then(this.reports).should().months("acme", YearMonth.of(2025, 5), YearMonth.of(2026, 4));
	}

	@Test
	void shouldAskForTheTwelveMonthsUpToTheGivenOne() {
		assertThat(this.mvc.get().uri("/api/reports/mau?product=acme&to=2026-01").with(user("ops").roles("OPERATOR")))
			.hasStatusOk();
		then(this.reports).should().months("acme", YearMonth.of(2025, 2), YearMonth.of(2026, 1));
	}

	@Test
	void shouldRefuseBadInputWithAValidationProblemNamingTheParameter() {
		String[][] cases = { { "/api/reports/headlines", "product" }, { "/api/reports/headlines?product=", "product" },
				{ "/api/reports/mau?product=acme&from=2026-1", "from" },
				{ "/api/reports/mau?product=acme&to=26-01", "to" },
				{ "/api/reports/mau?product=acme&from=2026-13", "from" },
				{ "/api/reports/mau?product=acme&from=2026-05&to=2026-04", "from" },
				{ "/api/reports/mau?product=acme&from=2016-01&to=2026-01", "from" },
				{ "/api/reports/mau?from=2026-01", "product" }, { "/api/reports/mau?product=", "product" },
				{ "/api/reports/mau?product=acme&format=xml", "format" },
				{ "/api/reports/mau/acme/2026-02/breakdown?dimension=colour", "dimension" },
				{ "/api/reports/mau/acme/2026-02/breakdown", "dimension" },
				{ "/api/reports/mau/acme/february/breakdown?dimension=os", "month" } };
		for (String[] refused : cases) {
			MvcTestResult result = this.mvc.get().uri(refused[0]).with(user("ops").roles("OPERATOR")).exchange();
			assertThat(result).as(refused[0]).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).as(refused[0])
				.bodyJson()
				.isLenientlyEqualTo("{\"type\": \"https://checkpoint.dev/problems/validation\", \"status\": 400,"
						+ " \"title\": \"Invalid request\", \"errors\": [{\"field\": \"" + refused[1] + "\"}]}");
		}
		then(this.reports).should(never()).months(anyString(), any(), any());
	}

	@Test
	void shouldAcceptTheLongestRangeOfOneHundredTwentyMonths() {
		assertThat(this.mvc.get()
			.uri("/api/reports/mau?product=acme&from=2016-02&to=2026-01")
			.with(user("ops").roles("OPERATOR"))).hasStatusOk();
		then(this.reports).should().months("acme", YearMonth.of(2016, 2), YearMonth.of(2026, 1));
	}

	@Test
	void shouldAnswerProblemJsonEvenWhenCsvWasAskedFor() {
		assertThat(this.mvc.get()
			.uri("/api/reports/mau?product=acme&from=bad")
			.accept(MediaType.parseMediaType("text/csv"))
			.with(user("ops").roles("OPERATOR"))).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void shouldAnswerCsvWhenTheFormatParameterSaysSoWhateverTheAcceptHeader() {
		assertThat(this.mvc.get()
			.uri("/api/reports/mau?product=acme&format=csv")
			.accept(MediaType.APPLICATION_JSON)
			.with(user("ops").roles("OPERATOR"))).hasStatusOk()
			.hasContentTypeCompatibleWith("text/csv")
			.bodyText()
			.isEqualTo("\"product\",\"month\",\"developers\",\"developers_excluding_ci\",\"returning_developers\","
					+ "\"anonymous_pings\",\"final\",\"computed_at\"\r\n"
					+ "\"acme\",\"2026-04\",90,80,30,3,\"false\",\"2026-04-10T00:00:00Z\"\r\n");
	}

}
