package dev.checkpoint.reports;

import java.util.Map;

/**
 * Prints one of the report statements exactly as the application runs it, for
 * {@code bench/reports-scale.sh}, which times them on a loaded database:
 * {@code java -cp ... dev.checkpoint.reports.ReportsSql mau-incremental}.
 */
public final class ReportsSql {

	private static final Map<String, String> STATEMENTS = Map.of("mau-headlines", MauCalculator.HEADLINES,
			"mau-breakdowns", MauCalculator.BREAKDOWNS, "mau-incremental", MauCalculator.INCREMENTAL_BREAKDOWNS,
			"daily-headlines", DailyCalculator.HEADLINES, "daily-breakdowns", DailyCalculator.BREAKDOWNS,
			"daily-values", DailyCalculator.MONTH_VALUES, "daily-weekly", DailyCalculator.WEEKLY,
			"daily-month-to-date", DailyCalculator.MONTH_TO_DATE);

	private ReportsSql() {
	}

	public static void main(String[] args) {
		for (String name : args) {
			String sql = STATEMENTS.get(name);
			if (sql == null) {
				throw new IllegalArgumentException("unknown statement " + name + ", known: " + STATEMENTS.keySet());
			}
			System.out.println(sql.strip() + ";");
		}
	}

}
