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
 * A product whose clients check in. Retired products are kept but no longer answered.
 */
@Entity
@Table(name = "products")
class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "name", nullable = false, updatable = false)
	private String name = "";

	@Column(name = "package_name", nullable = false)
	private String packageName = "";

	@Column(name = "website", nullable = false)
	private String website = "";

	@Column(name = "install_command", nullable = false)
	private String installCommand = "";

	@Column(name = "public_page", nullable = false)
	private boolean publicPage;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.EPOCH;

	@Column(name = "retired_at")
	private @Nullable Instant retiredAt;

	protected Product() {
	}

	Product(String name, Instant createdAt) {
		this.name = name;
		this.createdAt = createdAt;
	}

	Long getId() {
		if (this.id == null) {
			throw new IllegalStateException("Product '" + this.name + "' is not saved yet");
		}
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getPackageName() {
		return this.packageName;
	}

	void setPackageName(String packageName) {
		this.packageName = packageName;
	}

	String getWebsite() {
		return this.website;
	}

	void setWebsite(String website) {
		this.website = website;
	}

	String getInstallCommand() {
		return this.installCommand;
	}

	void setInstallCommand(String installCommand) {
		this.installCommand = installCommand;
	}

	boolean isPublicPage() {
		return this.publicPage;
	}

	void setPublicPage(boolean publicPage) {
		this.publicPage = publicPage;
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
		details.put("name", this.name);
		details.put("package_name", this.packageName);
		details.put("website", this.website);
		details.put("install_command", this.installCommand);
		details.put("public_page", this.publicPage);
		details.put("retired_at", this.retiredAt);
		return details;
	}

}
