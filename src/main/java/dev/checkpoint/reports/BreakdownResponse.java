package dev.checkpoint.reports;

import java.time.YearMonth;
import java.util.List;

/**
 * A product's month split by one dimension, in the order and with the privacy threshold
 * of {@link BreakdownCells}.
 *
 * @param product the product name
 * @param month the UTC calendar month
 * @param dimension version, os, arch, node_version or ci
 * @param rows one row per value
 */
record BreakdownResponse(String product, YearMonth month, String dimension,
		List<BreakdownRowView> rows) implements CsvExport {

	@Override
	public String csvFilename() {
		return "mau-%s-%s-%s.csv".formatted(FileNames.safe(this.product), this.month, this.dimension);
	}

	@Override
	public List<String> csvHeader() {
		return List.of("product", "month", "dimension", "value", "developers", "pings", "folded_values");
	}

	@Override
	public List<List<String>> csvRows() {
		return this.rows.stream()
			.map((row) -> List.of(this.product, this.month.toString(), this.dimension, row.value(),
					String.valueOf(row.developers()), String.valueOf(row.pings()), String.valueOf(row.foldedValues())))
			.toList();
	}

}
