package dev.checkpoint.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a product's developers spread over the values of one dimension, day by day: one
 * series per value of the {@code top} values with the most developer-days in the range,
 * in the order of {@link BreakdownCells#order} (versions newest first), plus an
 * {@value BreakdownCells#OTHER} series for the rest. A day's cell under
 * {@code checkpoint.reports.min-cell-size} developers counts in {@code other} that day,
 * so that no small group shows on its own.
 *
 * @param product the product name
 * @param dimension version, os, arch, node_version or ci
 * @param from the first day
 * @param to the last day
 * @param days the computed days of the range, in order
 * @param series one per value shown, each with one figure per day
 */
record AdoptionResponse(String product, String dimension, LocalDate from, LocalDate to, List<LocalDate> days,
		List<Series> series) implements CsvExport {

	/**
	 * @param value the value, or {@code other}
	 * @param developers distinct developers with the value, one figure per day
	 * @param other whether this is the series of the folded values
	 */
	record Series(String value, List<Long> developers, boolean other) {
	}

	/** One stored cell of {@code daily_breakdowns}. */
	record Cell(LocalDate day, String value, long developers, long pings) {
	}

	static AdoptionResponse of(String product, Dimension dimension, LocalDate from, LocalDate to, List<LocalDate> days,
			List<Cell> cells, int top, int minCellSize) {
		Map<String, long[]> totals = new HashMap<>();
		for (Cell cell : cells) {
			if (cell.developers() >= minCellSize) {
				long[] total = totals.computeIfAbsent(cell.value(), (value) -> new long[2]);
				total[0] += cell.developers();
				total[1] += cell.pings();
			}
		}
		List<BreakdownRowView> shown = totals.entrySet()
			.stream()
			.map((entry) -> new BreakdownRowView(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
			.sorted(Comparator.comparingLong(BreakdownRowView::developers)
				.reversed()
				.thenComparing(BreakdownRowView::value))
			.limit(top)
			.sorted(BreakdownCells.order(dimension))
			.toList();
		Map<LocalDate, Integer> index = new HashMap<>();
		for (int i = 0; i < days.size(); i++) {
			index.put(days.get(i), i);
		}
		Map<String, long[]> figures = new LinkedHashMap<>();
		shown.forEach((row) -> figures.put(row.value(), new long[days.size()]));
		long[] other = new long[days.size()];
		boolean folded = false;
		for (Cell cell : cells) {
			Integer day = index.get(cell.day());
			if (day == null) {
				continue;
			}
			long[] series = (cell.developers() >= minCellSize) ? figures.get(cell.value()) : null;
			if (series != null) {
				series[day] += cell.developers();
			}
			else {
				other[day] += cell.developers();
				folded = true;
			}
		}
		List<Series> series = new ArrayList<>();
		figures.forEach((value, perDay) -> series.add(new Series(value, list(perDay), false)));
		if (folded) {
			series.add(new Series(BreakdownCells.OTHER, list(other), true));
		}
		return new AdoptionResponse(product, dimension.key(), from, to, days, series);
	}

	private static List<Long> list(long[] values) {
		List<Long> list = new ArrayList<>(values.length);
		for (long value : values) {
			list.add(value);
		}
		return list;
	}

	@Override
	public String csvFilename() {
		return "adoption-%s-%s-%s-%s.csv".formatted(FileNames.safe(this.product), this.dimension, this.from, this.to);
	}

	@Override
	public List<String> csvHeader() {
		return List.of("product", "day", "dimension", "value", "developers");
	}

	@Override
	public List<List<String>> csvRows() {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < this.days.size(); i++) {
			for (Series series : this.series) {
				rows.add(List.of(this.product, this.days.get(i).toString(), this.dimension, series.value(),
						String.valueOf(series.developers().get(i))));
			}
		}
		return rows;
	}

}
