package dev.checkpoint.reports;

import dev.checkpoint.reports.ReportParameters.DayRange;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of the daily figures: active developers per day, and how they spread
 * over versions (or os, arch, runtime version, CI) day by day. JSON by default, CSV with
 * {@code Accept: text/csv} or {@code ?format=csv}. Reads only the stored daily figures.
 */
@RestController
@RequestMapping("/api/reports/daily")
class DailyReportController {

	private static final int DEFAULT_DAYS = 30;

	private static final int MAX_DAYS = 400;

	private static final int DEFAULT_TOP = 8;

	private static final int MAX_TOP = 50;

	private final DailyReportService reports;

	DailyReportController(DailyReportService reports) {
		this.reports = reports;
	}

	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, CsvHttpMessageConverter.TEXT_CSV_VALUE })
	ResponseEntity<DailyResponse> daily(@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String format) {
		boolean csv = ReportParameters.csv(format);
		String name = ReportParameters.product(product);
		DayRange range = range(from, to);
		return ReportParameters.respond(
				new DailyResponse(name, range.from(), range.to(), this.reports.days(name, range.from(), range.to())),
				csv);
	}

	@GetMapping(path = "/{product}/adoption",
			produces = { MediaType.APPLICATION_JSON_VALUE, CsvHttpMessageConverter.TEXT_CSV_VALUE })
	ResponseEntity<AdoptionResponse> adoption(@PathVariable String product,
			@RequestParam(required = false) @Nullable String dimension,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String top,
			@RequestParam(required = false) @Nullable String format) {
		boolean csv = ReportParameters.csv(format);
		Dimension by = ReportParameters.dimension(dimension);
		DayRange range = range(from, to);
		return ReportParameters.respond(this.reports.adoption(product, by, range.from(), range.to(), top(top)), csv);
	}

	/** The days asked for: by default the 30 settled days up to yesterday. */
	private DayRange range(@Nullable String from, @Nullable String to) {
		return ReportParameters.days(from, to, this.reports.lastSettledDay(), DEFAULT_DAYS, MAX_DAYS);
	}

	private static int top(@Nullable String top) {
		if (top == null) {
			return DEFAULT_TOP;
		}
		try {
			int value = Integer.parseInt(top);
			if (value >= 1 && value <= MAX_TOP) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the problem below
		}
		throw ReportParameters.invalid("top", "must be a whole number from 1 to " + MAX_TOP);
	}

}
