package dev.checkpoint.errorreports;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An error group as operators see it. {@code reportCount}, {@code firstSeen} and
 * {@code lastSeen} cover the stored reports, or only one version's when the listing is
 * filtered by version; {@code status} is {@code open} or {@code resolved}.
 */
record ErrorGroupResponse(UUID id, String product, String title, String status, long reportCount, Instant firstSeen,
		Instant lastSeen, @Nullable Instant resolvedAt, @Nullable String resolvedBy) {

	static ErrorGroupResponse of(ErrorGroup group) {
		return new ErrorGroupResponse(group.getId(), group.getProduct(), group.getTitle(),
				status(group.getResolvedAt()), group.getReportCount(), group.getFirstSeen(), group.getLastSeen(),
				group.getResolvedAt(), group.getResolvedBy());
	}

	static String status(@Nullable Instant resolvedAt) {
		return (resolvedAt != null) ? "resolved" : "open";
	}

}
