package dev.checkpoint.reports;

import java.time.Instant;
import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One product's figures for one UTC calendar month.
 *
 * @param month the month, {@code 2026-01}
 * @param developers distinct non-empty signatures with a ping in the month
 * @param developersExcludingCi those seen at least once outside CI
 * @param returningDevelopers those seen on two or more distinct UTC days of the month
 * @param anonymousPings pings without a signature
 * @param finalReport whether the month has ended and the figures will not change
 * @param computedAt when the figures were computed
 */
record MauMonthView(YearMonth month, long developers, long developersExcludingCi, long returningDevelopers,
		long anonymousPings, @JsonProperty("final") boolean finalReport, Instant computedAt) {
}
