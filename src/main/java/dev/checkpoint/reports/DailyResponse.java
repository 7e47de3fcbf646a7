package dev.checkpoint.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A product's daily active developers over a range of UTC days.
 *
 * @param product the product name
 * @param from the first day
 * @param to the last day
 * @param days one row per computed day of the range (zeros on a day without its pings)
 */
record DailyResponse(String product, LocalDate from, LocalDate to, List<DayView> days) implements CsvExport {

	/**
	 * One UTC day of a product.
	 *
	 * @param day the day
	 * @param developers distinct signatures with a ping that day (DAU)
	 * @param developersExcludingCi of which seen outside CI that day
	 * @param pings all pings of the day
	 * @param anonymousPings pings without a signature
	 */
	record DayView(LocalDate day, long developers, long developersExcludingCi, long pings, long anonymousPings) {
	}

	@Override
	public String csvFilename() {
		return "daily-%s-%s-%s.csv".formatted(FileNames.safe(this.product), this.from, this.to);
	}

	@Override
	public List<String> csvHeader() {
		return List.of("product", "day", "developers", "developers_excluding_ci", "pings", "anonymous_pings");
	}

	@Override
	public List<List<String>> csvRows() {
		return this.days.stream()
			.map((day) -> List.of(this.product, day.day().toString(), String.valueOf(day.developers()),
					String.valueOf(day.developersExcludingCi()), String.valueOf(day.pings()),
					String.valueOf(day.anonymousPings())))
			.toList();
	}

}
