package dev.checkpoint.reports;

import java.time.YearMonth;
import java.util.List;

/**
 * A product's monthly active developers as its public page publishes them.
 *
 * @param product the product name
 * @param months the months with a report, oldest first (the current one so far)
 */
record PublicMauResponse(String product, List<Month> months) implements CsvExport {

	/**
	 * @param month the UTC month
	 * @param developers its active developers
	 * @param developersExcludingCi of which seen outside CI
	 * @param complete whether the month has ended (its figures no longer change)
	 */
	record Month(YearMonth month, long developers, long developersExcludingCi, boolean complete) {
	}

	static PublicMauResponse of(String product, List<MauMonthView> months) {
		return new PublicMauResponse(product,
				months.stream()
					.map((month) -> new Month(month.month(), month.developers(), month.developersExcludingCi(),
							month.finalReport()))
					.toList());
	}

	@Override
	public String csvFilename() {
		return "%s-mau.csv".formatted(FileNames.safe(this.product));
	}

	@Override
	public List<String> csvHeader() {
		return List.of("product", "month", "developers", "developers_excluding_ci", "complete");
	}

	@Override
	public List<List<String>> csvRows() {
		return this.months.stream()
			.map((month) -> List.of(this.product, month.month().toString(), String.valueOf(month.developers()),
					String.valueOf(month.developersExcludingCi()), String.valueOf(month.complete())))
			.toList();
	}

}
