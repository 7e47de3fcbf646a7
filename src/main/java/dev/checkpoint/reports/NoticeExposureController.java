package dev.checkpoint.reports;

import dev.checkpoint.reports.ReportParameters.DayRange;
import dev.checkpoint.shared.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of notice exposure: a product's live notices by how many developers
 * still run a version they apply to, and one notice's exposure day by day. JSON by
 * default, CSV with {@code Accept: text/csv} or {@code ?format=csv}.
 */
@RestController
@RequestMapping("/api/reports/notices")
class NoticeExposureController {

	private static final int DEFAULT_DAYS = 30;

	private static final int MAX_DAYS = 400;

	private final NoticeExposureService exposure;

	private final DailyReportService daily;

	NoticeExposureController(NoticeExposureService exposure, DailyReportService daily) {
		this.exposure = exposure;
		this.daily = daily;
	}

	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, CsvHttpMessageConverter.TEXT_CSV_VALUE })
	ResponseEntity<NoticeExposureListResponse> notices(@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String format) {
		boolean csv = ReportParameters.csv(format);
		return ReportParameters.respond(this.exposure.live(ReportParameters.product(product)), csv);
	}

	@GetMapping(path = "/{id}/exposure",
			produces = { MediaType.APPLICATION_JSON_VALUE, CsvHttpMessageConverter.TEXT_CSV_VALUE })
	ResponseEntity<NoticeExposureResponse> exposure(@PathVariable String id,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String format) {
		boolean csv = ReportParameters.csv(format);
		int notice = noticeId(id);
		DayRange range = ReportParameters.days(from, to, this.daily.lastSettledDay(), DEFAULT_DAYS, MAX_DAYS);
		return ReportParameters.respond(this.exposure.days(notice, range.from(), range.to())
			.orElseThrow(() -> Problems.notFound("Notice not found", "There is no notice " + id + ".")), csv);
	}

	private static int noticeId(String id) {
		try {
			int value = Integer.parseInt(id);
			if (value > 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the problem below
		}
		throw ReportParameters.invalid("id", "must be a positive whole number");
	}

}
