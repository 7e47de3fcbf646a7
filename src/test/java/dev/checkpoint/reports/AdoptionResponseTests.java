package dev.checkpoint.reports;

import java.time.LocalDate;
import java.util.List;

import dev.checkpoint.reports.AdoptionResponse.Cell;
import dev.checkpoint.reports.AdoptionResponse.Series;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdoptionResponseTests {

	private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);

	private static final LocalDate SECOND = FIRST.plusDays(1);

	private static final LocalDate THIRD = FIRST.plusDays(2);

	@Test
	void shouldKeepTheTopValuesNewestVersionFirstAndFoldTheRestAndSmallCellsIntoOther() {
		List<Cell> cells = List.of(new Cell(FIRST, "1.0.0", 50, 90), new Cell(SECOND, "1.0.0", 40, 80),
				new Cell(THIRD, "1.0.0", 30, 70), new Cell(SECOND, "1.1.0", 20, 20), new Cell(THIRD, "1.1.0", 35, 40),
				new Cell(FIRST, "0.9.0", 6, 6), new Cell(THIRD, "1.1.0-dev.3", 4, 4),
				new Cell(SECOND, "unknown", 9, 9));

		AdoptionResponse adoption = AdoptionResponse.of("acme", Dimension.VERSION, FIRST, THIRD,
				List.of(FIRST, SECOND, THIRD), cells, 3, 5);

		assertThat(adoption.series()).containsExactly(new Series("1.1.0", List.of(0L, 20L, 35L), false),
				new Series("1.0.0", List.of(50L, 40L, 30L), false), new Series("unknown", List.of(0L, 9L, 0L), false),
				new Series("other", List.of(6L, 0L, 4L), true));
		assertThat(adoption.csvRows()).hasSize(12)
			.first()
			.isEqualTo(List.of("acme", "2026-03-01", "version", "1.1.0", "0"));
	}

	@Test
	void shouldHaveNoOtherSeriesWhenEveryCellIsShownAndNoSeriesWithoutData() {
		AdoptionResponse adoption = AdoptionResponse.of("acme", Dimension.OS, FIRST, SECOND, List.of(FIRST, SECOND),
				List.of(new Cell(FIRST, "linux", 5, 5), new Cell(SECOND, "darwin", 7, 7)), 8, 5);

		assertThat(adoption.series()).extracting(Series::value).containsExactly("darwin", "linux");
		assertThat(AdoptionResponse.of("acme", Dimension.OS, FIRST, SECOND, List.of(), List.of(), 8, 5).series())
			.isEmpty();
	}

	@Test
	void shouldIgnoreCellsOfDaysOutsideTheComputedDays() {
		AdoptionResponse adoption = AdoptionResponse.of("acme", Dimension.CI, FIRST, SECOND, List.of(FIRST),
				List.of(new Cell(FIRST, "false", 5, 5), new Cell(SECOND, "false", 7, 7)), 8, 5);

		assertThat(adoption.series()).containsExactly(new Series("false", List.of(5L), false));
	}

}
