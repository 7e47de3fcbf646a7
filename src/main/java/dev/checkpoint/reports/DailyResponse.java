package dev.checkpoint.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

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
	 * @param weeklyDevelopers distinct signatures with a ping in the 7 days ending with
	 * the day (WAU)
	 * @param monthDevelopers distinct signatures from the month's first day through this
	 * one (the month's active developers so far)
	 * @param ciShare the share of the day's developers seen only in CI, 0 to 1 (null
	 * without developers)
	 * @param pings all pings of the day
	 * @param anonymousPings pings without a signature
	 */
	record DayView(LocalDate day, long developers, long developersExcludingCi, long weeklyDevelopers,
			long monthDevelopers, @Nullable Double ciShare, long pings, long anonymousPings) {

		DayView(LocalDate day, long developers, long developersExcludingCi, long weeklyDevelopers, long monthDevelopers,
				long pings, long anonymousPings) {
			this(day, developers, developersExcludingCi, weeklyDevelopers, monthDevelopers,
					ciShare(developers, developersExcludingCi), pings, anonymousPings);
		}

		/** The share of developers seen only in CI, or null without developers. */
		static @Nullable Double ciShare(long developers, long developersExcludingCi) {
			return (developers > 0) ? (double) (developers - developersExcludingCi) / developers : null;
		}

	}

	@Override
	public String csvFilename() {
		return "daily-%s-%s-%s.csv".formatted(FileNames.safe(this.product), this.from, this.to);
	}

	@Override
	public List<String> csvHeader() {
		return List.of("product", "day", "developers", "developers_excluding_ci", "weekly_developers",
				"month_developers", "ci_share", "pings", "anonymous_pings");
	}

	@Override
	public List<List<String>> csvRows() {
		return this.days.stream()
			.map((day) -> List.of(this.product, day.day().toString(), String.valueOf(day.developers()),
					String.valueOf(day.developersExcludingCi()), String.valueOf(day.weeklyDevelopers()),
					String.valueOf(day.monthDevelopers()),
					(day.ciShare() != null) ? String.format(Locale.ROOT, "%.4f", day.ciShare()) : "",
					String.valueOf(day.pings()), String.valueOf(day.anonymousPings())))
			.toList();
	}

}
