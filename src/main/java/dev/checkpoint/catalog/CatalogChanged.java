package dev.checkpoint.catalog;

/**
 * The catalogue was changed through the admin API; published inside the changing
 * transaction so that the in-memory catalogue is refreshed once it commits.
 *
 * @param entityType what kind of entry changed, e.g. {@code release}
 * @param entityKey which one, e.g. {@code prisma@6.1.0}
 */
record CatalogChanged(String entityType, String entityKey) {
}
