package dev.checkpoint.errorreports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of error groups, most reported first, with the filters that selected them.
 */
record ErrorGroupPageResponse(List<ErrorGroupResponse> groups, @Nullable String product, @Nullable String version,
		String status, int page, int size, long total) {
}
