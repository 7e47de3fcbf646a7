/**
 * Monthly active developers per product: reports computed by scheduled jobs from the
 * ingest rollups and raw pings (the tables {@code ingest.PingTables} names), the operator
 * API under {@code /api/reports}, and the operator dashboard at {@code /dashboard} (its
 * pages also show the crash reports).
 */
@NullMarked
package dev.checkpoint.reports;

import org.jspecify.annotations.NullMarked;
