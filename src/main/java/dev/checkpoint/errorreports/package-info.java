/**
 * Crash reports from the CLI or Studio, sent only after the user agreed: redacted,
 * grouped by fingerprint, listed and resolved by operators, deleted after the retention.
 */
@NullMarked
package dev.checkpoint.errorreports;

import org.jspecify.annotations.NullMarked;
