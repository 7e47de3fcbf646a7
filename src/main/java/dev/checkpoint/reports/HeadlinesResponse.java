package dev.checkpoint.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * The figures an operator looks at first, for the dashboard's tiles. Each part is
 * {@code null} until there is something to show.
 *
 * @param product the product name
 * @param month this month's active developers so far (as last refreshed)
 * @param monthToDate the month's active developers through the latest computed day,
 * against the same day of the month before
 * @param day the latest computed day: its active developers, the week's and CI's share
 * @param newDevelopers the developers first seen in the latest computed day's month
 * @param worstNotice the live notice with the most developers exposed on its latest day
 */
record HeadlinesResponse(String product, @Nullable Month month, @Nullable MonthToDate monthToDate, @Nullable Day day,
		@Nullable NewDevelopers newDevelopers, NoticeExposureListResponse.@Nullable Entry worstNotice) {

	/**
	 * @param month the month
	 * @param developers its active developers so far
	 * @param computedAt when they were counted
	 */
	record Month(YearMonth month, long developers, Instant computedAt) {
	}

	/**
	 * @param day the day
	 * @param developers the month's active developers from its first day through this one
	 * @param sameDayLastMonth the same day of the month before (its last day when that
	 * month is shorter)
	 * @param developersLastMonth the month before's active developers through that day,
	 * or null when it was not computed
	 * @param change {@code developers / developersLastMonth - 1}, or null
	 */
	record MonthToDate(LocalDate day, long developers, LocalDate sameDayLastMonth, @Nullable Long developersLastMonth,
			@Nullable Double change) {
	}

	/**
	 * @param day the day
	 * @param developers its active developers (DAU)
	 * @param weeklyDevelopers the 7 days' ending with it (WAU)
	 * @param ciShare the share of the day's developers seen only in CI, or null
	 * @param developersWeekBefore the DAU of the day a week before, or null when it was
	 * not computed
	 */
	record Day(LocalDate day, long developers, long weeklyDevelopers, @Nullable Double ciShare,
			@Nullable Long developersWeekBefore) {
	}

	/**
	 * @param month the month
	 * @param developers its developers first seen that month (so far, for the current
	 * month)
	 */
	record NewDevelopers(YearMonth month, long developers) {
	}

}
