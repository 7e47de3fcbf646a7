package dev.checkpoint.reports;

import java.time.YearMonth;

/**
 * Published in the transaction that gives a product's month its final report, for
 * listeners that tell people (webhooks).
 *
 * @param product the product
 * @param month the month closed
 * @param developers its active developers
 * @param developersExcludingCi of which seen outside CI
 */
public record MauMonthClosed(String product, YearMonth month, long developers, long developersExcludingCi) {
}
