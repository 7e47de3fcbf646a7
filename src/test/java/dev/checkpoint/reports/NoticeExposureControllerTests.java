package dev.checkpoint.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.checkpoint.reports.NoticeExposureResponse.ExposureDay;
import dev.checkpoint.reports.NoticeExposureResponse.NoticeView;
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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The notice exposure API's shape (a slice, with the stored figures stubbed): the default
 * range, CSV, the problems. What is stored is {@link NoticeExposureIntegrationTests}'
 * part.
 */
@WebMvcTest(useDefaultFilters = false,
		includeFilters = {
				@Filter(type = FilterType.ASSIGNABLE_TYPE,
						classes = { NoticeExposureController.class, ReportsWebConfiguration.class }),
				@Filter(type = FilterType.REGEX, pattern = { "dev\\.checkpoint\\.shared\\.ApiExceptionHandler",
						"dev\\.checkpoint\\.shared\\.JsonConfiguration" }) })
class NoticeExposureControllerTests {

	private static final LocalDate YESTERDAY = LocalDate.of(2026, 4, 30);

	private static final NoticeView NOTICE = new NoticeView(7, "acme", "Upgrade, now", "https://acme.test/7",
			"critical", "<2.0.0", null, null, Instant.parse("2026-04-01T00:00:00Z"),
			Instant.parse("2026-04-01T00:00:00Z"), null);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	NoticeExposureService exposure;

	@MockitoBean
	DailyReportService daily;

	@BeforeEach
	void stub() {
		given(this.daily.lastSettledDay()).willReturn(YESTERDAY);
		given(this.exposure.days(eq(7), any(), any())).willReturn(Optional.of(new NoticeExposureResponse(NOTICE,
				LocalDate.of(2026, 4, 1), YESTERDAY, List.of(new ExposureDay(YESTERDAY, 120L, 80L, null)))));
		given(this.exposure.live("acme")).willReturn(new NoticeExposureListResponse("acme", List
			.of(new NoticeExposureListResponse.Entry(NOTICE, new ExposureDay(YESTERDAY, 120L, 80L, 40L), null))));
	}

	@Test
	void shouldAnswerTheThirtySettledDaysUpToYesterdayAsJsonOrCsv() {
		assertThat(this.mvc.get().uri("/api/reports/notices/7/exposure").with(user("ops").roles("OPERATOR")))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"notice\": {\"id\": 7, \"version_range\": \"<2.0.0\"}, \"from\": \"2026-04-01\","
					+ " \"days\": [{\"day\": \"2026-04-30\", \"exposed\": 120, \"shown\": 80, \"moved\": null}]}");
		then(this.exposure).should().days(7, LocalDate.of(2026, 4, 1), YESTERDAY);
		assertThat(this.mvc.get().uri("/api/reports/notices/7/exposure?format=csv").with(user("ops").roles("OPERATOR")))
			.hasStatusOk()
			.hasBodyTextEqualTo("\"notice_id\",\"product\",\"day\",\"exposed\",\"shown\",\"moved\"\r\n"
					+ "7,\"acme\",\"2026-04-30\",120,80,\r\n");
	}

	@Test
	void shouldListTheLiveNoticesAsJsonOrCsv() {
		assertThat(this.mvc.get().uri("/api/reports/notices?product=acme").with(user("ops").roles("OPERATOR")))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"product\": \"acme\", \"notices\": [{\"notice\": {\"id\": 7},"
					+ " \"latest\": {\"exposed\": 120}, \"week_before\": null}]}");
		assertThat(this.mvc.get()
			.uri("/api/reports/notices?product=acme")
			.accept("text/csv")
			.with(user("ops").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.startsWith("\"notice_id\",\"product\",\"level\",\"message\"")
			.contains("7,\"acme\",\"critical\",\"Upgrade, now\",\"<2.0.0\",\"2026-04-30\",120,80,40,\r\n");
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownNotice() {
		given(this.exposure.days(eq(8), any(), any())).willReturn(Optional.empty());

		assertThat(this.mvc.get().uri("/api/reports/notices/8/exposure").with(user("ops").roles("OPERATOR")))
			.hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void shouldRefuseBadInputWithAValidationProblemNamingTheParameter() {
		String[][] cases = { { "/api/reports/notices", "product" },
				{ "/api/reports/notices?product=acme&format=xml", "format" },
				{ "/api/reports/notices/seven/exposure", "id" }, { "/api/reports/notices/0/exposure", "id" },
				{ "/api/reports/notices/99999999999/exposure", "id" },
				{ "/api/reports/notices/7/exposure?from=2026-13-01", "from" },
				{ "/api/reports/notices/7/exposure?from=2026-05-01&to=2026-04-01", "from" },
				{ "/api/reports/notices/7/exposure?from=2025-01-01", "from" } };
		for (String[] refused : cases) {
			MvcTestResult result = this.mvc.get().uri(refused[0]).with(user("ops").roles("OPERATOR")).exchange();
			assertThat(result).as(refused[0]).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).as(refused[0])
				.bodyJson()
				.isLenientlyEqualTo("{\"status\": 400, \"errors\": [{\"field\": \"" + refused[1] + "\"}]}");
		}
		then(this.exposure).should(never()).days(anyInt(), any(), any());
	}

}
