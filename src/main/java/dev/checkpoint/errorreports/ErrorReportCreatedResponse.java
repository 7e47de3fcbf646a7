package dev.checkpoint.errorreports;

import java.util.UUID;

/**
 * The answer to a stored crash report: its id and its number, either of which operators
 * can look up.
 */
record ErrorReportCreatedResponse(UUID id, long number) {
}
