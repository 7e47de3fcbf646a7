package dev.checkpoint.reports;

import java.time.LocalDate;
import java.util.Map;

/**
 * Prints one of the report statements exactly as the application runs it, for
 * {@code bench/reports-scale.sh}, which times them on a loaded database:
 * {@code java -cp ... dev.checkpoint.reports.ReportsSql mau-incremental} (the weekly
 * statement of a day: {@code daily-weekly@2026-01-15}).
 */
public final class ReportsSql {

	private static final Map<String, String> STATEMENTS = Map.of("mau-headlines", MauCalculator.HEADLINES,
			"mau-breakdowns", MauCalculator.BREAKDOWNS, "mau-incremental", MauCalculator.INCREMENTAL_BREAKDOWNS,
			"daily-headlines", DailyCalculator.HEADLINES, "daily-breakdowns", DailyCalculator.BREAKDOWNS,
			"daily-values", DailyCalculator.MONTH_VALUES, "daily-month-to-date", DailyCalculator.MONTH_TO_DATE);

	private ReportsSql() {
	}

	public static void main(String[] args) {
		for (String name : args) {
			String sql = name.startsWith("daily-weekly@")
					? DailyCalculator.weekly(LocalDate.parse(name.substring("daily-weekly@".length())))
					: STATEMENTS.get(name);
			if (sql == null) {
				throw new IllegalArgumentException("unknown statement " + name + ", known: " + STATEMENTS.keySet());
			}
			System.out.println(sql.strip() + ";");
		}
	}

}
