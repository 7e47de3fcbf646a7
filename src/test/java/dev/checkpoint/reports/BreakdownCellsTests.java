package dev.checkpoint.reports;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BreakdownCellsTests {

	@Test
	void shouldFoldValuesUnderTheThresholdIntoOneOtherRowShownLast() {
		List<BreakdownRowView> rows = BreakdownCells.publish(List.of(new BreakdownRowView("linux", 40, 400),
				new BreakdownRowView("freebsd", 2, 9), new BreakdownRowView("darwin", 5, 50),
				new BreakdownRowView("plan9", 1, 1), new BreakdownRowView("windows", 4, 20)), Dimension.OS, 5);

		assertThat(rows).containsExactly(new BreakdownRowView("linux", 40, 400), new BreakdownRowView("darwin", 5, 50),
				new BreakdownRowView("other", 7, 30, 3));
	}

	@Test
	void shouldShowEveryValueWithThresholdOne() {
		List<BreakdownRowView> rows = BreakdownCells
			.publish(List.of(new BreakdownRowView("true", 1, 3), new BreakdownRowView("false", 2, 2)), Dimension.CI, 1);

		assertThat(rows).extracting(BreakdownRowView::value).containsExactly("false", "true");
		assertThat(rows).allSatisfy((row) -> assertThat(row.foldedValues()).isZero());
	}

	@Test
	void shouldOrderVersionsNewestFirstBySemverThenValuesThatAreNoVersion() {
		List<BreakdownRowView> rows = BreakdownCells.publish(
				List.of(new BreakdownRowView("1.9.9", 50, 50), new BreakdownRowView("unknown", 9, 9),
						new BreakdownRowView("1.10.0", 10, 10), new BreakdownRowView("=cmd|'/c calc'!A1", 20, 20),
						new BreakdownRowView("1.10.0-dev.2", 30, 30), new BreakdownRowView("1.10.0-dev.10", 6, 6),
						new BreakdownRowView("v2.0.0", 7, 7), new BreakdownRowView("0.1.0", 3, 3)),
				Dimension.VERSION, 5);

		assertThat(rows).extracting(BreakdownRowView::value)
			.containsExactly("v2.0.0", "1.10.0", "1.10.0-dev.10", "1.10.0-dev.2", "1.9.9", "=cmd|'/c calc'!A1",
					"unknown", "other");
	}

	@Test
	void shouldOrderRuntimeVersionsBySemverToo() {
		List<BreakdownRowView> rows = BreakdownCells.publish(List.of(new BreakdownRowView("v9.11.2", 50, 50),
				new BreakdownRowView("v20.11.1", 10, 10), new BreakdownRowView("v18.20.4", 30, 30)),
				Dimension.NODE_VERSION, 5);

		assertThat(rows).extracting(BreakdownRowView::value).containsExactly("v20.11.1", "v18.20.4", "v9.11.2");
	}

	@Test
	void shouldAddNoOtherRowWhenEveryValueIsLargeEnoughAndKeepAnEmptyBreakdownEmpty() {
		assertThat(BreakdownCells.publish(List.of(new BreakdownRowView("x64", 5, 5)), Dimension.ARCH, 5))
			.containsExactly(new BreakdownRowView("x64", 5, 5));
		assertThat(BreakdownCells.publish(List.of(), Dimension.ARCH, 5)).isEmpty();
	}

}
