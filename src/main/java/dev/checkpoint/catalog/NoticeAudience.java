package dev.checkpoint.catalog;

import java.time.Instant;

import dev.checkpoint.catalog.CatalogSnapshot.Notice;
import dev.checkpoint.shared.Version;
import org.jspecify.annotations.Nullable;

/**
 * A notice of a product with the clients it is sent to (its version range and optional os
 * and arch), for reports that count who is affected. {@link #appliesTo} decides as a
 * check does.
 */
public final class NoticeAudience {

	private final String product;

	private final Notice notice;

	private final String versionRange;

	private final Instant createdAt;

	private final @Nullable Instant retiredAt;

	NoticeAudience(String product, Notice notice, String versionRange, Instant createdAt, @Nullable Instant retiredAt) {
		this.product = product;
		this.notice = notice;
		this.versionRange = versionRange;
		this.createdAt = createdAt;
		this.retiredAt = retiredAt;
	}

	/** The notice as clients receive it. */
	public AlertView alert() {
		return this.notice.alert();
	}

	public int id() {
		return this.notice.alert().id();
	}

	public String product() {
		return this.product;
	}

	public String versionRange() {
		return this.versionRange;
	}

	public @Nullable String os() {
		return this.notice.os();
	}

	public @Nullable String arch() {
		return this.notice.arch();
	}

	/** When it was created: clients are sent it from then on. */
	public Instant createdAt() {
		return this.createdAt;
	}

	/** When it was retired (no longer sent), or null while it is live. */
	public @Nullable Instant retiredAt() {
		return this.retiredAt;
	}

	/** Whether it was sent to clients at some time from {@code from} to {@code to}. */
	public boolean isLiveBetween(Instant from, Instant to) {
		return this.createdAt.isBefore(to) && (this.retiredAt == null || !this.retiredAt.isBefore(from));
	}

	/**
	 * Whether a check with these raw values would be sent the notice (its signature
	 * aside).
	 */
	public boolean appliesTo(String version, String os, String arch) {
		return this.notice.appliesTo(VersionRange.semver(Version.parse(version).orElse(null)), os, arch);
	}

}
