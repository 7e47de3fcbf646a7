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

	MauReportController(MauReportService reports) {
		this.reports = reports;
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
		YearMonth last = (to != null) ? ReportParameters.month("to", to) : this.reports.currentMonth();
		YearMonth first = (from != null) ? ReportParameters.month("from", from) : last.minusMonths(DEFAULT_MONTHS - 1);
		if (first.isAfter(last)) {
			throw ReportParameters.invalid("from", "must not be after 'to'");
		}
		if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
			throw ReportParameters.invalid("from", "must be at most " + MAX_MONTHS + " months before 'to'");
		}
		return ReportParameters
			.respond(new MauReportResponse(name, first, last, this.reports.months(name, first, last)), csv);
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

}
