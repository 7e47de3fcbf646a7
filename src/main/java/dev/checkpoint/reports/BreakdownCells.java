package dev.checkpoint.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.checkpoint.shared.Version;

/**
 * Turns a breakdown as stored into the one every API, CSV and chart shows: values with
 * fewer developers than {@code checkpoint.reports.min-cell-size} are folded into one
 * {@value #OTHER} row (so that no small group of developers can be singled out by a rare
 * value), and the rows are ordered: versions newest first by semantic version (values
 * that are no version after them, most developers first), other dimensions most
 * developers first; the folded row always last.
 */
final class BreakdownCells {

	/** The value of the row that holds the folded cells. */
	static final String OTHER = "other";

	private static final Comparator<BreakdownRowView> MOST_DEVELOPERS = Comparator
		.comparingLong(BreakdownRowView::developers)
		.thenComparingLong(BreakdownRowView::pings)
		.reversed()
		.thenComparing(BreakdownRowView::value);

	private BreakdownCells() {
	}

	static List<BreakdownRowView> publish(List<BreakdownRowView> stored, Dimension dimension, int minCellSize) {
		List<BreakdownRowView> shown = new ArrayList<>(stored.size());
		long developers = 0;
		long pings = 0;
		int folded = 0;
		for (BreakdownRowView row : stored) {
			if (row.developers() < minCellSize) {
				developers += row.developers();
				pings += row.pings();
				folded++;
			}
			else {
				shown.add(row);
			}
		}
		shown.sort(order(dimension));
		if (folded > 0) {
			shown.add(new BreakdownRowView(OTHER, developers, pings, folded));
		}
		return shown;
	}

	/**
	 * The order of a dimension's values: newest version first (values that are no version
	 * after them, most developers first), or most developers first.
	 */
	static Comparator<BreakdownRowView> order(Dimension dimension) {
		return dimension.versioned() ? newestVersionFirst() : MOST_DEVELOPERS;
	}

	private static Comparator<BreakdownRowView> newestVersionFirst() {
		Comparator<Optional<Version>> versions = (left, right) -> {
			if (left.isPresent() && right.isPresent()) {
				return right.get().compareTo(left.get());
			}
			return Boolean.compare(left.isEmpty(), right.isEmpty());
		};
		return Comparator.comparing((BreakdownRowView row) -> Version.parse(row.value()), versions)
			.thenComparing(MOST_DEVELOPERS);
	}

}
