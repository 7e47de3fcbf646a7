package dev.checkpoint.errorreports;

import java.util.List;

/**
 * An error group with its newest reports.
 */
record ErrorGroupDetailResponse(ErrorGroupResponse group, List<ErrorReportSummaryResponse> recentReports) {
}
