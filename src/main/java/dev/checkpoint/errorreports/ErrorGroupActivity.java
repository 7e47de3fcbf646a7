package dev.checkpoint.errorreports;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that stores a report of an existing crash-report group,
 * with the group's recent counts, for listeners that watch for spikes (webhooks).
 *
 * @param product the product
 * @param groupId the group
 * @param title the group's title
 * @param at when the report arrived
 * @param reportsLastHour the group's reports in the hour up to {@code at}, this one
 * included
 * @param reportsWeekBefore its reports in the 7 days before that hour
 */
public record ErrorGroupActivity(String product, UUID groupId, String title, Instant at, long reportsLastHour,
		long reportsWeekBefore) {
}
