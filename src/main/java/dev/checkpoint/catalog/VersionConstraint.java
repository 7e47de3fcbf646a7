package dev.checkpoint.catalog;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Which versions of a product a service works with, as answered by {@code GET
 * /v1/versions/{service}?product=...}. Empty values mean no constraint.
 */
@Entity
@Table(name = "version_constraints")
@IdClass(VersionConstraint.Key.class)
class VersionConstraint {

	@Id
	@Column(name = "service", nullable = false)
	private String service = "";

	@Id
	@Column(name = "product", nullable = false)
	private String product = "";

	@Column(name = "minimum", nullable = false)
	private String minimum = "";

	@Column(name = "maximum", nullable = false)
	private String maximum = "";

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "excluding", nullable = false)
	private List<String> excluding = new ArrayList<>();

	protected VersionConstraint() {
	}

	VersionConstraint(String service, String product) {
		this.service = service;
		this.product = product;
	}

	String getService() {
		return this.service;
	}

	String getProduct() {
		return this.product;
	}

	String getMinimum() {
		return this.minimum;
	}

	void setMinimum(String minimum) {
		this.minimum = minimum;
	}

	String getMaximum() {
		return this.maximum;
	}

	void setMaximum(String maximum) {
		this.maximum = maximum;
	}

	List<String> getExcluding() {
		return List.copyOf(this.excluding);
	}

	void setExcluding(List<String> excluding) {
		this.excluding = new ArrayList<>(excluding);
	}

	String key() {
		return this.service + "/" + this.product;
	}

	/** The values an admin sets, for the audit log. */
	Map<String, Object> auditDetails() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("minimum", this.minimum);
		details.put("maximum", this.maximum);
		details.put("excluding", getExcluding());
		return details;
	}

	/**
	 * The primary key: service and product.
	 */
	record Key(String service, String product) implements Serializable {
	}

}
