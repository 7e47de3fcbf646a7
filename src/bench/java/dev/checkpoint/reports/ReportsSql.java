package dev.checkpoint.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Prints one of the report statements exactly as the application runs it on its own
 * database (the staged read first, then the write from it), for
 * {@code bench/reports-scale.sh}, which times them on a loaded database:
 * {@code java -cp ... dev.checkpoint.reports.ReportsSql mau-incremental} (the weekly
 * statement of a day: {@code daily-weekly@2026-01-15}).
 */
public final class ReportsSql {

	private static final Map<String, List<String>> STATEMENTS = Map.of("mau-headlines",
			staged(MauCalculator.HEADLINES_READ, MauCalculator.HEADLINES), "mau-breakdowns",
			staged(MauCalculator.BREAKDOWNS_READ, MauCalculator.BREAKDOWNS), "mau-incremental",
			staged(MauCalculator.INCREMENTAL_READ, MauCalculator.INCREMENTAL_BREAKDOWNS), "mau-absorb",
			List.of(MauCalculator.ABSORBED_READ.createTable(), MauCalculator.ABSORBED_VALUES_SEEN,
					MauCalculator.ABSORBED_VALUES, MauCalculator.ABSORBED_PINGS),
			"daily-headlines",
			staged(DailyCalculator.HEADLINES_READ, DailyCalculator.HEADLINES), "daily-breakdowns",
			staged(DailyCalculator.BREAKDOWNS_READ, DailyCalculator.BREAKDOWNS), "daily-values",
			staged(DailyCalculator.MONTH_VALUES_READ, DailyCalculator.MONTH_VALUES), "daily-month-to-date",
			staged(DailyCalculator.MONTH_FIRSTS, DailyCalculator.MONTH_TO_DATE));

	private ReportsSql() {
	}

	public static void main(String[] args) {
		for (String name : args) {
			List<String> sql = name.startsWith("daily-weekly@")
					? staged(DailyCalculator.weekly(LocalDate.parse(name.substring("daily-weekly@".length()))),
							DailyCalculator.WEEKLY)
					: STATEMENTS.get(name);
			if (sql == null) {
				throw new IllegalArgumentException("unknown statement " + name + ", known: " + STATEMENTS.keySet());
			}
			sql.forEach((statement) -> System.out.println(statement.strip() + ";"));
		}
	}

	private static List<String> staged(StagedRead read, String write) {
		return List.of(read.createTable(), write);
	}

}
