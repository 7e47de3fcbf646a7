package dev.checkpoint.errorreports;

import java.util.UUID;

/**
 * The answer to a stored crash report: its id, which operators can look up.
 */
record ErrorReportCreatedResponse(UUID id) {
}
