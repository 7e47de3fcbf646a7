package dev.checkpoint.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A notice as the admin API shows it; {@code id} is the alert id clients receive and
 * {@code retiredAt} is null while it is sent.
 */
record NoticeResponse(int id, String product, String message, String url, String level, String versionRange,
		@Nullable String os, @Nullable String arch, Instant publishedAt, Instant createdAt,
		@Nullable Instant retiredAt) {

	static NoticeResponse of(Product product, Notice notice) {
		return new NoticeResponse(notice.getId(), product.getName(), notice.getMessage(), notice.getUrl(),
				notice.getLevel(), notice.getVersionRange(), notice.getOs(), notice.getArch(), notice.getPublishedAt(),
				notice.getCreatedAt(), notice.getRetiredAt());
	}

}
