package dev.checkpoint.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a product's developers of one month spread over versions, OSes and arches, as its
 * public page publishes it: each value's share of the month's developers, small cells
 * folded into {@value BreakdownCells#OTHER} as everywhere ({@link BreakdownCells}). A
 * developer seen with two values counts for both, so a dimension's shares can add up to
 * more than 1.
 *
 * @param product the product name
 * @param month the UTC month
 * @param developers the month's active developers
 * @param dimensions version, os and arch
 */
record PublicSharesResponse(String product, YearMonth month, long developers,
		List<DimensionShares> dimensions) implements CsvExport {

	/** What a public page shows. */
	static final List<Dimension> PUBLISHED = List.of(Dimension.VERSION, Dimension.OS, Dimension.ARCH);

	/**
	 * @param dimension version, os or arch
	 * @param values the values, as ordered by {@link BreakdownCells#order} (versions
	 * newest first), {@code other} last
	 */
	record DimensionShares(String dimension, List<Share> values) {
	}

	/**
	 * @param value the value, or {@code other}
	 * @param developers the month's developers seen with it
	 * @param share their share of the month's developers, 0 to 1
	 */
	record Share(String value, long developers, double share) {
	}

	static DimensionShares shares(Dimension dimension, List<BreakdownRowView> rows, long developers) {
		return new DimensionShares(dimension.key(),
				rows.stream()
					.map((row) -> new Share(row.value(), row.developers(),
							(developers > 0) ? (double) row.developers() / developers : 0))
					.toList());
	}

	@Override
	public String csvFilename() {
		return "%s-shares-%s.csv".formatted(FileNames.safe(this.product), this.month);
	}

	@Override
	public List<String> csvHeader() {
		return List.of("product", "month", "dimension", "value", "developers", "share");
	}

	@Override
	public List<List<String>> csvRows() {
		List<List<String>> rows = new ArrayList<>();
		for (DimensionShares dimension : this.dimensions) {
			for (Share share : dimension.values()) {
				rows.add(List.of(this.product, this.month.toString(), dimension.dimension(), share.value(),
						String.valueOf(share.developers()), String.format(Locale.ROOT, "%.4f", share.share())));
			}
		}
		return rows;
	}

}
