package dev.checkpoint.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * New and returning developers: one cohort per month of the range (the developers first
 * seen that month), with how many of them were active in each month since. A figure under
 * {@code checkpoint.reports.min-cell-size} developers is {@code null}, so that no small
 * group shows.
 *
 * @param product the product name
 * @param from the first cohort
 * @param to the last month
 * @param cohorts one per month with new developers, oldest first
 */
record RetentionResponse(String product, YearMonth from, YearMonth to, List<Cohort> cohorts) implements CsvExport {

	/**
	 * @param cohort the month its developers were first seen in
	 * @param developers the cohort's size: the month's new developers
	 * @param months the cohort's active developers per month, from its own on
	 */
	record Cohort(YearMonth cohort, @Nullable Long developers, List<Month> months) {
	}

	/**
	 * @param month the month
	 * @param developers the cohort's developers active that month
	 * @param share their share of the cohort, 0 to 1
	 */
	record Month(YearMonth month, @Nullable Long developers, @Nullable Double share) {
	}

	/** One stored cell of {@code mau_cohorts}. */
	record Cell(YearMonth cohort, YearMonth month, long developers) {
	}

	static RetentionResponse of(String product, YearMonth from, YearMonth to, List<Cell> cells, int minCellSize) {
		Map<YearMonth, List<Cell>> byCohort = new LinkedHashMap<>();
		cells.stream()
			.sorted((a, b) -> (a.cohort().equals(b.cohort())) ? a.month().compareTo(b.month())
					: a.cohort().compareTo(b.cohort()))
			.forEach((cell) -> byCohort.computeIfAbsent(cell.cohort(), (cohort) -> new ArrayList<>()).add(cell));
		List<Cohort> cohorts = new ArrayList<>();
		byCohort.forEach((cohort, row) -> {
			long size = row.stream()
				.filter((cell) -> cell.month().equals(cohort))
				.mapToLong(Cell::developers)
				.findFirst()
				.orElse(0);
			List<Month> months = row.stream().map((cell) -> {
				boolean shown = cell.developers() >= minCellSize && size >= minCellSize;
				return new Month(cell.month(), shown ? cell.developers() : null,
						shown ? (double) cell.developers() / size : null);
			}).toList();
			cohorts.add(new Cohort(cohort, (size >= minCellSize) ? size : null, months));
		});
		return new RetentionResponse(product, from, to, cohorts);
	}

	@Override
	public String csvFilename() {
		return "retention-%s-%s-%s.csv".formatted(FileNames.safe(this.product), this.from, this.to);
	}

	@Override
	public List<String> csvHeader() {
		return List.of("product", "cohort", "cohort_developers", "month", "developers", "share");
	}

	@Override
	public List<List<String>> csvRows() {
		List<List<String>> rows = new ArrayList<>();
		for (Cohort cohort : this.cohorts) {
			for (Month month : cohort.months()) {
				rows.add(List.of(this.product, cohort.cohort().toString(), text(cohort.developers()),
						month.month().toString(), text(month.developers()),
						(month.share() != null) ? String.format(Locale.ROOT, "%.4f", month.share()) : ""));
			}
		}
		return rows;
	}

	private static String text(@Nullable Long value) {
		return (value != null) ? value.toString() : "";
	}

}
