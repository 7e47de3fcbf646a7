package dev.checkpoint.reports;

import java.time.YearMonth;
import java.util.List;

/**
 * A product's monthly reports over a range of months; months without a report are left
 * out.
 *
 * @param product the product name
 * @param from the first month of the range
 * @param to the last month of the range
 * @param months the months that have a report, oldest first
 */
record MauReportResponse(String product, YearMonth from, YearMonth to, List<MauMonthView> months) implements CsvExport {

	@Override
	public String csvFilename() {
		return "mau-%s-%s-%s.csv".formatted(FileNames.safe(this.product), this.from, this.to);
	}

	@Override
	public List<String> csvHeader() {
		return List.of("product", "month", "developers", "developers_excluding_ci", "returning_developers",
				"anonymous_pings", "final", "computed_at");
	}

	@Override
	public List<List<String>> csvRows() {
		return this.months.stream()
			.map((m) -> List.of(this.product, m.month().toString(), String.valueOf(m.developers()),
					String.valueOf(m.developersExcludingCi()), String.valueOf(m.returningDevelopers()),
					String.valueOf(m.anonymousPings()), String.valueOf(m.finalReport()), m.computedAt().toString()))
			.toList();
	}

}
