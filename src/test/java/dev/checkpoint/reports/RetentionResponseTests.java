package dev.checkpoint.reports;

import java.time.YearMonth;
import java.util.List;

import dev.checkpoint.reports.RetentionResponse.Cell;
import dev.checkpoint.reports.RetentionResponse.Month;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionResponseTests {

	private static final YearMonth JANUARY = YearMonth.of(2026, 1);

	private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

	@Test
	void shouldGiveEachCohortItsSizeAndSharesOldestFirstAndLeaveSmallCellsOut() {
		RetentionResponse retention = RetentionResponse.of("acme", JANUARY, FEBRUARY, List
			.of(new Cell(FEBRUARY, FEBRUARY, 3), new Cell(JANUARY, FEBRUARY, 10), new Cell(JANUARY, JANUARY, 40)), 5);

		assertThat(retention.cohorts()).hasSize(2);
		assertThat(retention.cohorts().get(0).cohort()).isEqualTo(JANUARY);
		assertThat(retention.cohorts().get(0).developers()).isEqualTo(40);
		assertThat(retention.cohorts().get(0).months()).containsExactly(new Month(JANUARY, 40L, 1.0),
				new Month(FEBRUARY, 10L, 0.25));
		assertThat(retention.cohorts().get(1).developers()).isNull();
		assertThat(retention.cohorts().get(1).months()).containsExactly(new Month(FEBRUARY, null, null));
		assertThat(retention.csvRows()).containsExactly(List.of("acme", "2026-01", "40", "2026-01", "40", "1.0000"),
				List.of("acme", "2026-01", "40", "2026-02", "10", "0.2500"),
				List.of("acme", "2026-02", "", "2026-02", "", ""));
	}

	@Test
	void shouldGiveNoSizeOrSharesToACohortWhoseOwnMonthIsNotInTheRows() {
		RetentionResponse retention = RetentionResponse.of("acme", JANUARY, FEBRUARY,
				List.of(new Cell(JANUARY, FEBRUARY, 9)), 5);

		assertThat(retention.cohorts().get(0).developers()).isNull();
		assertThat(retention.cohorts().get(0).months()).containsExactly(new Month(FEBRUARY, null, null));
	}

}
