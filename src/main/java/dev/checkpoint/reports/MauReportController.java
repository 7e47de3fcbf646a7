package dev.checkpoint.reports;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.checkpoint.shared.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
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

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

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
		boolean csv = csv(format);
		if (product == null || product.isBlank()) {
			throw invalidParameter("product", "is required");
		}
		YearMonth last = (to != null) ? month("to", to) : this.reports.currentMonth();
		YearMonth first = (from != null) ? month("from", from) : last.minusMonths(DEFAULT_MONTHS - 1);
		if (first.isAfter(last)) {
			throw invalidParameter("from", "must not be after 'to'");
		}
		if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
			throw invalidParameter("from", "must be at most " + MAX_MONTHS + " months before 'to'");
		}
		return respond(new MauReportResponse(product, first, last, this.reports.months(product, first, last)), csv);
	}

	@GetMapping(path = "/mau/{product}/{month}/breakdown",
			produces = { MediaType.APPLICATION_JSON_VALUE, CsvHttpMessageConverter.TEXT_CSV_VALUE })
	ResponseEntity<BreakdownResponse> breakdown(@PathVariable String product, @PathVariable("month") String value,
			@RequestParam(required = false) @Nullable String dimension,
			@RequestParam(required = false) @Nullable String format) {
		boolean csv = csv(format);
		YearMonth month = month("month", value);
		Dimension by = Dimension.fromKey((dimension != null) ? dimension : "")
			.orElseThrow(() -> invalidParameter("dimension", "must be one of "
					+ Arrays.stream(Dimension.values()).map(Dimension::key).collect(Collectors.joining(", "))));
		return respond(new BreakdownResponse(product, month, by.key(), this.reports.breakdown(product, month, by)),
				csv);
	}

	/** {@code ?format=csv} or {@code json} overrides the Accept header. */
	private static boolean csv(@Nullable String format) {
		if (format != null && !format.equals("csv") && !format.equals("json")) {
			throw invalidParameter("format", "must be json or csv");
		}
		return "csv".equals(format);
	}

	private static <T extends CsvExport> ResponseEntity<T> respond(T body, boolean csv) {
		return csv ? ResponseEntity.ok().contentType(CsvHttpMessageConverter.TEXT_CSV).body(body)
				: ResponseEntity.ok(body);
	}

	/** A validation problem whose detail names the parameter. */
	private static ErrorResponseException invalidParameter(String parameter, String message) {
		return Problems.invalidFields("Parameter '" + parameter + "' " + message + ".",
				List.of(Problems.fieldError(parameter, message)));
	}

	private static YearMonth month(String parameter, String value) {
		try {
			if (MONTH.matcher(value).matches()) {
				return YearMonth.parse(value);
			}
		}
		catch (DateTimeParseException ex) {
			// falls through to the problem below
		}
		throw invalidParameter(parameter, "must be a month as YYYY-MM");
	}

}
