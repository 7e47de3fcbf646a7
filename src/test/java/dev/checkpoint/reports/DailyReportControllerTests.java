package dev.checkpoint.reports;

import java.time.LocalDate;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The daily API's shape (a slice, with the stored figures stubbed): the parameters, the
 * default range and the problems. What is stored is {@link DailyReportIntegrationTests}'
 * part.
 */
@WebMvcTest(useDefaultFilters = false,
		includeFilters = {
				@Filter(type = FilterType.ASSIGNABLE_TYPE,
						classes = { DailyReportController.class, ReportsWebConfiguration.class }),
				@Filter(type = FilterType.REGEX, pattern = { "dev\\.checkpoint\\.shared\\.ApiExceptionHandler",
						"dev\\.checkpoint\\.shared\\.JsonConfiguration" }) })
class DailyReportControllerTests {

	private static final LocalDate YESTERDAY = LocalDate.of(2026, 4, 30);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	DailyReportService reports;

	@BeforeEach
	void lastSettledDay() {
		given(this.reports.lastSettledDay()).willReturn(YESTERDAY);
		given(this.reports.days(anyString(), any(), any()))
			.willReturn(List.of(new DailyResponse.DayView(YESTERDAY, 12, 9, 30, 50, 40, 2)));
		given(this.reports.adoption(anyString(), any(), any(), any(), anyInt()))
			.willReturn(AdoptionResponse.of("acme", Dimension.VERSION, YESTERDAY, YESTERDAY, List.of(YESTERDAY),
					List.of(new AdoptionResponse.Cell(YESTERDAY, "1.0.0", 12, 40)), 8, 5));
	}

	@Test
	void shouldAskForTheThirtySettledDaysUpToYesterdayWhenNoRangeIsGiven() {
		assertThat(this.mvc.get().uri("/api/reports/daily?product=acme").with(user("ops").roles("OPERATOR")))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"product\": \"acme\", \"from\": \"2026-04-01\", \"to\": \"2026-04-30\","
					+ " \"days\": [{\"day\": \"2026-04-30\", \"developers\": 12, \"developers_excluding_ci\": 9,"
					+ " \"weekly_developers\": 30, \"month_developers\": 50, \"ci_share\": 0.25, \"pings\": 40, \"anonymous_pings\": 2}]}");
		then(this.reports).should().days("acme", LocalDate.of(2026, 4, 1), YESTERDAY);
	}

	@Test
	void shouldAskForTheTopEightValuesByDefaultAndAnswerCsvWhenAsked() {
		assertThat(this.mvc.get()
			.uri("/api/reports/daily/acme/adoption?dimension=version&from=2026-04-30&format=csv")
			.with(user("ops").roles("OPERATOR"))).hasStatusOk()
			.hasBodyTextEqualTo("\"product\",\"day\",\"dimension\",\"value\",\"developers\"\r\n"
					+ "\"acme\",\"2026-04-30\",\"version\",\"1.0.0\",12\r\n");
		then(this.reports).should().adoption("acme", Dimension.VERSION, YESTERDAY, YESTERDAY, 8);
		assertThat(this.mvc.get()
			.uri("/api/reports/daily/acme/adoption?dimension=os&top=3&to=2026-01-31")
			.with(user("ops").roles("OPERATOR"))).hasStatusOk();
		then(this.reports).should()
			.adoption("acme", Dimension.OS, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31), 3);
	}

	@Test
	void shouldRefuseBadInputWithAValidationProblemNamingTheParameter() {
		String[][] cases = { { "/api/reports/daily?product=acme&from=2026-1-01", "from" },
				{ "/api/reports/daily?product=acme&to=2026-02-30", "to" },
				{ "/api/reports/daily?product=acme&from=2026-05-01&to=2026-04-01", "from" },
				{ "/api/reports/daily?product=acme&from=2025-01-01&to=2026-04-01", "from" },
				{ "/api/reports/daily", "product" }, { "/api/reports/daily?product=acme&format=xlsx", "format" },
				{ "/api/reports/daily/acme/adoption", "dimension" },
				{ "/api/reports/daily/acme/adoption?dimension=colour", "dimension" },
				{ "/api/reports/daily/acme/adoption?dimension=os&top=0", "top" },
				{ "/api/reports/daily/acme/adoption?dimension=os&top=51", "top" },
				{ "/api/reports/daily/acme/adoption?dimension=os&top=many", "top" } };
		for (String[] refused : cases) {
			MvcTestResult result = this.mvc.get().uri(refused[0]).with(user("ops").roles("OPERATOR")).exchange();
			assertThat(result).as(refused[0]).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).as(refused[0])
				.bodyJson()
				.isLenientlyEqualTo("{\"status\": 400, \"errors\": [{\"field\": \"" + refused[1] + "\"}]}");
		}
		then(this.reports).should(never()).days(anyString(), any(), any());
		then(this.reports).should(never()).adoption(anyString(), any(), any(), any(), anyInt());
	}

	@Test
	void shouldAcceptTheLongestRangeOfFourHundredDays() {
		assertThat(this.mvc.get()
			.uri("/api/reports/daily?product=acme&from=2025-03-27&to=2026-04-30")
			.with(user("ops").roles("OPERATOR"))).hasStatusOk();
	}

}
