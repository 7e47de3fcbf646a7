package dev.checkpoint.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A security notice, sent to clients as an alert when their version is in its range and
 * their platform matches. The id is an int32: go-checkpoint reads alert ids as int.
 */
@Entity
@Table(name = "notices")
class Notice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Integer id;

	@Column(name = "product_id", nullable = false, updatable = false)
	private Long productId = 0L;

	@Column(name = "published_at", nullable = false)
	private Instant publishedAt = Instant.EPOCH;

	@Column(name = "message", nullable = false)
	private String message = "";

	@Column(name = "url", nullable = false)
	private String url = "";

	@Column(name = "level", nullable = false)
	private String level = "info";

	@Column(name = "version_range", nullable = false)
	private String versionRange = "*";

	@Column(name = "os")
	private @Nullable String os;

	@Column(name = "arch")
	private @Nullable String arch;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.EPOCH;

	@Column(name = "retired_at")
	private @Nullable Instant retiredAt;

	protected Notice() {
	}

	Notice(Long productId, Instant createdAt) {
		this.productId = productId;
		this.createdAt = createdAt;
	}

	int getId() {
		if (this.id == null) {
			throw new IllegalStateException("Notice is not saved yet");
		}
		return this.id;
	}

	Long getProductId() {
		return this.productId;
	}

	Instant getPublishedAt() {
		return this.publishedAt;
	}

	void setPublishedAt(Instant publishedAt) {
		this.publishedAt = publishedAt;
	}

	String getMessage() {
		return this.message;
	}

	void setMessage(String message) {
		this.message = message;
	}

	String getUrl() {
		return this.url;
	}

	void setUrl(String url) {
		this.url = url;
	}

	String getLevel() {
		return this.level;
	}

	void setLevel(String level) {
		this.level = level;
	}

	String getVersionRange() {
		return this.versionRange;
	}

	void setVersionRange(String versionRange) {
		this.versionRange = versionRange;
	}

	@Nullable String getOs() {
		return this.os;
	}

	void setOs(@Nullable String os) {
		this.os = os;
	}

	@Nullable String getArch() {
		return this.arch;
	}

	void setArch(@Nullable String arch) {
		this.arch = arch;
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
		details.put("message", this.message);
		details.put("url", this.url);
		details.put("level", this.level);
		details.put("version_range", this.versionRange);
		details.put("os", this.os);
		details.put("arch", this.arch);
		details.put("published_at", this.publishedAt);
		details.put("retired_at", this.retiredAt);
		return details;
	}

}
