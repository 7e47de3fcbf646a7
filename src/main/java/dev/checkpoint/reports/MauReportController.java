package dev.checkpoint.reports;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of the MAU reports: JSON by default, CSV with {@code Accept: text/csv}
 * or {@code ?format=csv}. Reads only the stored reports.
 */
@RestController
@RequestMapping("/api/reports")
class MauReportController {

	private static final int DEFAULT_MONTHS = 12;

	private static final int MAX_MONTHS = 120;

	private final MauReportService reports;

	private final HeadlinesService headlines;

	MauReportController(MauReportService reports, HeadlinesService headlines) {
		this.reports = reports;
		this.headlines = headlines;
	}

	/**
	 * The dashboard's headline figures: this month's active developers against the same
	 * day of the last one, the latest day's, the month's new developers and the most
	 * exposed notice.
	 */
	@GetMapping(path = "/headlines", produces = MediaType.APPLICATION_JSON_VALUE)
	HeadlinesResponse headlines(@RequestParam(required = false) @Nullable String product) {
		return this.headlines.headlines(ReportParameters.product(product));
	}

	/** The names of the products that have at least one report, as a JSON array. */
	@GetMapping(path = "/products", produces = MediaType.APPLICATION_JSON_VALUE)
	List<String> products() {
		return this.reports.products();
	}

	@GetMapping(path = "/mau", produces = { MediaType.APPLICATION_JSON_VALUE, CsvHttpMessageConverter.TEXT_CSV_VALUE })
	ResponseEntity<MauReportResponse> mau(@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String format) {
		boolean csv = ReportParameters.csv(format);
		String name = ReportParameters.product(product);
		Range range = range(from, to);
		return ReportParameters.respond(new MauReportResponse(name, range.from(), range.to(),
				this.reports.months(name, range.from(), range.to())), csv);
	}

	/**
	 * New developers per month and how many of them come back: one cohort per month of
	 * the range (default the 12 months up to the current one).
	 */
	@GetMapping(path = "/retention",
			produces = { MediaType.APPLICATION_JSON_VALUE, CsvHttpMessageConverter.TEXT_CSV_VALUE })
	ResponseEntity<RetentionResponse> retention(@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String format) {
		boolean csv = ReportParameters.csv(format);
		String name = ReportParameters.product(product);
		Range range = range(from, to);
		return ReportParameters.respond(this.reports.retention(name, range.from(), range.to()), csv);
	}

	@GetMapping(path = "/mau/{product}/{month}/breakdown",
			produces = { MediaType.APPLICATION_JSON_VALUE, CsvHttpMessageConverter.TEXT_CSV_VALUE })
	ResponseEntity<BreakdownResponse> breakdown(@PathVariable String product, @PathVariable("month") String value,
			@RequestParam(required = false) @Nullable String dimension,
			@RequestParam(required = false) @Nullable String format) {
		boolean csv = ReportParameters.csv(format);
		YearMonth month = ReportParameters.month("month", value);
		Dimension by = ReportParameters.dimension(dimension);
		return ReportParameters
			.respond(new BreakdownResponse(product, month, by.key(), this.reports.breakdown(product, month, by)), csv);
	}

	/** The months asked for: by default the 12 up to the current one. */
	private Range range(@Nullable String from, @Nullable String to) {
		YearMonth last = (to != null) ? ReportParameters.month("to", to) : this.reports.currentMonth();
		YearMonth first = (from != null) ? ReportParameters.month("from", from) : last.minusMonths(DEFAULT_MONTHS - 1);
		if (first.isAfter(last)) {
			throw ReportParameters.invalid("from", "must not be after 'to'");
		}
		if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
			throw ReportParameters.invalid("from", "must be at most " + MAX_MONTHS + " months before 'to'");
		}
		return new Range(first, last);
	}

	private record Range(YearMonth from, YearMonth to) {
	}

}
