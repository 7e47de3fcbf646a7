/**
 * Monthly active developers per product: reports computed by scheduled jobs from the
 * ingest rollups and raw pings, and the operator API under {@code /api/reports}.
 */
@NullMarked
package dev.checkpoint.reports;

import org.jspecify.annotations.NullMarked;
