package dev.checkpoint.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.checkpoint.shared.Version;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A published version of a product in one channel. The newest live release of a channel
 * is what clients of that channel are told about.
 */
@Entity
@Table(name = "releases")
class Release {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "product_id", nullable = false, updatable = false)
	private Long productId = 0L;

	@Column(name = "version", nullable = false, updatable = false)
	private String version = "";

	@Column(name = "channel", nullable = false)
	private String channel = Version.DEFAULT_CHANNEL;

	@Column(name = "released_at", nullable = false)
	private Instant releasedAt = Instant.EPOCH;

	@Column(name = "download_url", nullable = false)
	private String downloadUrl = "";

	@Column(name = "changelog_url", nullable = false)
	private String changelogUrl = "";

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.EPOCH;

	@Column(name = "retired_at")
	private @Nullable Instant retiredAt;

	@Column(name = "yank_reason")
	private @Nullable String yankReason;

	@Column(name = "yank_notice_id")
	private @Nullable Integer yankNoticeId;

	protected Release() {
	}

	@Nullable String getYankReason() {
		return this.yankReason;
	}

	@Nullable Integer getYankNoticeId() {
		return this.yankNoticeId;
	}

	/** Marks the release yanked (or, with nulls, no longer). */
	void setYank(@Nullable String reason, @Nullable Integer noticeId) {
		this.yankReason = reason;
		this.yankNoticeId = noticeId;
	}

	Long getId() {
		if (this.id == null) {
			throw new IllegalStateException("Release is not saved yet");
		}
		return this.id;
	}

	Release(Long productId, String version, Instant createdAt) {
		this.productId = productId;
		this.version = version;
		this.createdAt = createdAt;
	}

	Long getProductId() {
		return this.productId;
	}

	String getVersion() {
		return this.version;
	}

	String getChannel() {
		return this.channel;
	}

	void setChannel(String channel) {
		this.channel = channel;
	}

	Instant getReleasedAt() {
		return this.releasedAt;
	}

	void setReleasedAt(Instant releasedAt) {
		this.releasedAt = releasedAt;
	}

	String getDownloadUrl() {
		return this.downloadUrl;
	}

	void setDownloadUrl(String downloadUrl) {
		this.downloadUrl = downloadUrl;
	}

	String getChangelogUrl() {
		return this.changelogUrl;
	}

	void setChangelogUrl(String changelogUrl) {
		this.changelogUrl = changelogUrl;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	@Nullable Instant getRetiredAt() {
		return this.retiredAt;
	}

	void setRetiredAt(@Nullable Instant retiredAt) {
		this.retiredAt = retiredAt;
	}

	boolean isRetired() {
		return this.retiredAt != null;
	}

	/** The values an admin sets, for the audit log. */
	Map<String, @Nullable Object> auditDetails() {
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("version", this.version);
		details.put("channel", this.channel);
		details.put("released_at", this.releasedAt);
		details.put("download_url", this.downloadUrl);
		details.put("changelog_url", this.changelogUrl);
		details.put("retired_at", this.retiredAt);
		if (this.yankReason != null) {
			details.put("yank_reason", this.yankReason);
		}
		return details;
	}

}
