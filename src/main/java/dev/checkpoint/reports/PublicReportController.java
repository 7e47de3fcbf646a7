package dev.checkpoint.reports;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import dev.checkpoint.catalog.Catalog;
import dev.checkpoint.shared.Problems;
import dev.checkpoint.shared.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A product's public page, for vendors who publish their aggregate usage as Go's
 * telemetry and Homebrew do: {@code /public/{product}} (a page of charts), and its data
 * as open JSON and CSV ({@code mau.json}, {@code mau.csv}, {@code shares.json},
 * {@code shares.csv}). Only for a live product an admin switched the page on for; any
 * other name is {@code 404}, so the answers do not tell which products exist. No token,
 * answers cacheable for {@link #MAX_AGE} (with an ETag, so a revalidation that did not
 * change costs no body), and per client address rate-limited ({@code public}). Shares are
 * thresholded like every report.
 */
@RestController
@RequestMapping("/public/{product}")
class PublicReportController {

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final int MONTHS = 12;

	private static final Resource PAGE = new ClassPathResource("static/public-page/index.html");

	private final Catalog catalog;

	private final MauReportService reports;

	private final RateLimits rateLimits;

	PublicReportController(Catalog catalog, MauReportService reports, RateLimits rateLimits) {
		this.catalog = catalog;
		this.reports = reports;
		this.rateLimits = rateLimits;
	}

	@GetMapping(produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<Resource> page(@PathVariable String product, HttpServletRequest request) {
		published(product, request);
		return cached().contentType(MediaType.TEXT_HTML).body(PAGE);
	}

	@GetMapping(path = "/mau.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PublicMauResponse> mauJson(@PathVariable String product, HttpServletRequest request) {
		return cached().contentType(MediaType.APPLICATION_JSON).body(mau(product, request));
	}

	@GetMapping(path = "/mau.csv", produces = CsvHttpMessageConverter.TEXT_CSV_VALUE)
	ResponseEntity<PublicMauResponse> mauCsv(@PathVariable String product, HttpServletRequest request) {
		return cached().contentType(CsvHttpMessageConverter.TEXT_CSV).body(mau(product, request));
	}

	@GetMapping(path = "/shares.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PublicSharesResponse> sharesJson(@PathVariable String product,
			@RequestParam(required = false) @Nullable String month, HttpServletRequest request) {
		return cached().contentType(MediaType.APPLICATION_JSON).body(shares(product, month, request));
	}

	@GetMapping(path = "/shares.csv", produces = CsvHttpMessageConverter.TEXT_CSV_VALUE)
	ResponseEntity<PublicSharesResponse> sharesCsv(@PathVariable String product,
			@RequestParam(required = false) @Nullable String month, HttpServletRequest request) {
		return cached().contentType(CsvHttpMessageConverter.TEXT_CSV).body(shares(product, month, request));
	}

	/** The 12 months up to the current one. */
	private PublicMauResponse mau(String product, HttpServletRequest request) {
		published(product, request);
		YearMonth to = this.reports.currentMonth();
		return PublicMauResponse.of(product, this.reports.months(product, to.minusMonths(MONTHS - 1), to));
	}

	/** The month's shares: by default the latest month with a report. */
	private PublicSharesResponse shares(String product, @Nullable String month, HttpServletRequest request) {
		published(product, request);
		YearMonth current = this.reports.currentMonth();
		YearMonth chosen = (month != null) ? ReportParameters.month("month", month) : current;
		List<MauMonthView> report = this.reports.months(product, (month != null) ? chosen : current.minusMonths(1),
				chosen);
		if (report.isEmpty()) {
			throw Problems.notFound("No report", "There is no report of '" + product + "' for " + chosen + ".");
		}
		MauMonthView shown = report.get(report.size() - 1);
		return new PublicSharesResponse(product, shown.month(), shown.developers(),
				PublicSharesResponse.PUBLISHED.stream()
					.map((dimension) -> PublicSharesResponse.shares(dimension,
							this.reports.breakdown(product, shown.month(), dimension), shown.developers()))
					.toList());
	}

	/**
	 * Takes one request from the client's {@code public} bucket, then refuses a product
	 * without a public page as if it did not exist.
	 */
	private void published(String product, HttpServletRequest request) {
		this.rateLimits.consume("public", request);
		if (!this.catalog.publishes(product)) {
			throw notFound(product);
		}
	}

	private static ErrorResponseException notFound(String product) {
		return Problems.notFound("No public page", "There is no public page '" + product + "'.");
	}

	private static ResponseEntity.BodyBuilder cached() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic());
	}

}
