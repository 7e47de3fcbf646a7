package dev.checkpoint.errorreports;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * Crash reports with one fingerprint. Rows are created and counted only by the
 * concurrency-safe upsert in {@link ErrorReportService}, so every column but the
 * resolution is read-only here: saving a resolution never overwrites a count.
 */
@Entity
@Table(name = "error_groups")
class ErrorGroup {

	@Id
	@Column(name = "id", nullable = false, updatable = false)
	private UUID id = new UUID(0, 0);

	@Column(name = "product", nullable = false, insertable = false, updatable = false)
	private String product = "";

	@Column(name = "fingerprint", nullable = false, insertable = false, updatable = false)
	private String fingerprint = "";

	@Column(name = "title", nullable = false, insertable = false, updatable = false)
	private String title = "";

	@Column(name = "first_seen", nullable = false, insertable = false, updatable = false)
	private Instant firstSeen = Instant.EPOCH;

	@Column(name = "last_seen", nullable = false, insertable = false, updatable = false)
	private Instant lastSeen = Instant.EPOCH;

	@Column(name = "report_count", nullable = false, insertable = false, updatable = false)
	private long reportCount;

	@Column(name = "resolved_at")
	private @Nullable Instant resolvedAt;

	@Column(name = "resolved_by")
	private @Nullable String resolvedBy;

	protected ErrorGroup() {
	}

	UUID getId() {
		return this.id;
	}

	String getProduct() {
		return this.product;
	}

	String getFingerprint() {
		return this.fingerprint;
	}

	String getTitle() {
		return this.title;
	}

	Instant getFirstSeen() {
		return this.firstSeen;
	}

	Instant getLastSeen() {
		return this.lastSeen;
	}

	long getReportCount() {
		return this.reportCount;
	}

	@Nullable Instant getResolvedAt() {
		return this.resolvedAt;
	}

	void setResolvedAt(@Nullable Instant resolvedAt) {
		this.resolvedAt = resolvedAt;
	}

	@Nullable String getResolvedBy() {
		return this.resolvedBy;
	}

	void setResolvedBy(@Nullable String resolvedBy) {
		this.resolvedBy = resolvedBy;
	}

	boolean isResolved() {
		return this.resolvedAt != null;
	}

	/** What an operator changed, for the audit log. */
	Map<String, @Nullable Object> auditDetails() {
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("product", this.product);
		details.put("title", this.title);
		details.put("resolved_at", this.resolvedAt);
		details.put("resolved_by", this.resolvedBy);
		return details;
	}

}
