package dev.checkpoint.errorreports;

import java.util.UUID;

/**
 * Published in the transaction that stores the first report of a new crash-report group,
 * for listeners that tell people (webhooks).
 *
 * @param product the product
 * @param groupId the group's id ({@code /api/error-reports/groups/{id}})
 * @param title the group's title (its first report's redacted message, shortened)
 */
public record ErrorGroupCreated(String product, UUID groupId, String title) {
}
