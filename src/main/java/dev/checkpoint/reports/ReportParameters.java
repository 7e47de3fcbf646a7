package dev.checkpoint.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.checkpoint.shared.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * The query parameters the report API shares, each refused with a problem naming it.
 */
final class ReportParameters {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private ReportParameters() {
	}

	static String product(@Nullable String product) {
		if (product == null || product.isBlank()) {
			throw invalid("product", "is required");
		}
		return product;
	}

	/** {@code ?format=csv} or {@code json} overrides the Accept header. */
	static boolean csv(@Nullable String format) {
		if (format != null && !format.equals("csv") && !format.equals("json")) {
			throw invalid("format", "must be json or csv");
		}
		return "csv".equals(format);
	}

	static <T extends CsvExport> ResponseEntity<T> respond(T body, boolean csv) {
		return csv ? ResponseEntity.ok().contentType(CsvHttpMessageConverter.TEXT_CSV).body(body)
				: ResponseEntity.ok(body);
	}

	static YearMonth month(String parameter, String value) {
		try {
			if (MONTH.matcher(value).matches()) {
				return YearMonth.parse(value);
			}
		}
		catch (DateTimeParseException ex) {
			// falls through to the problem below
		}
		throw invalid(parameter, "must be a month as YYYY-MM");
	}

	static LocalDate day(String parameter, String value) {
		try {
			if (DAY.matcher(value).matches()) {
				return LocalDate.parse(value);
			}
		}
		catch (DateTimeParseException ex) {
			// falls through to the problem below
		}
		throw invalid(parameter, "must be a day as YYYY-MM-DD");
	}

	/**
	 * The days from {@code from} to {@code to}: by default the {@code defaultDays} days
	 * up to {@code lastDefault}, at most {@code maxDays}.
	 */
	static DayRange days(@Nullable String from, @Nullable String to, LocalDate lastDefault, int defaultDays,
			int maxDays) {
		LocalDate last = (to != null) ? day("to", to) : lastDefault;
		LocalDate first = (from != null) ? day("from", from) : last.minusDays(defaultDays - 1);
		if (first.isAfter(last)) {
			throw invalid("from", "must not be after 'to'");
		}
		if (ChronoUnit.DAYS.between(first, last) >= maxDays) {
			throw invalid("from", "must be at most " + maxDays + " days before 'to'");
		}
		return new DayRange(first, last);
	}

	static Dimension dimension(@Nullable String dimension) {
		return Dimension.fromKey((dimension != null) ? dimension : "")
			.orElseThrow(() -> invalid("dimension", "must be one of "
					+ Arrays.stream(Dimension.values()).map(Dimension::key).collect(Collectors.joining(", "))));
	}

	/** The first and last day of a range. */
	record DayRange(LocalDate from, LocalDate to) {
	}

	/** A validation problem whose detail names the parameter. */
	static ErrorResponseException invalid(String parameter, String message) {
		return Problems.invalidFields("Parameter '" + parameter + "' " + message + ".",
				List.of(Problems.fieldError(parameter, message)));
	}

}
