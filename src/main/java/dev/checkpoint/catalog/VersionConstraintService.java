package dev.checkpoint.catalog;

import java.util.List;
import java.util.Objects;

import dev.checkpoint.shared.Problems;
import dev.checkpoint.shared.Version;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets the version constraints that {@code GET /v1/versions/{service}} answers.
 */
@Service
class VersionConstraintService {

	private final VersionConstraintRepository constraints;

	private final CatalogChanges changes;

	VersionConstraintService(VersionConstraintRepository constraints, CatalogChanges changes) {
		this.constraints = constraints;
		this.changes = changes;
	}

	@Transactional(readOnly = true)
	List<VersionConstraintResponse> list() {
		return this.constraints.findAllByOrderByServiceAscProductAsc()
			.stream()
			.map(VersionConstraintResponse::of)
			.toList();
	}

	@Transactional(readOnly = true)
	VersionConstraintResponse get(String service, String product) {
		return VersionConstraintResponse.of(require(service, product));
	}

	/** Creates or replaces the constraint of a service on a product. */
	@Transactional
	VersionConstraintResponse put(String service, String product, VersionConstraintRequest request) {
		VersionConstraint constraint = this.constraints.findById(new VersionConstraint.Key(service, product))
			.orElseGet(() -> new VersionConstraint(service, product));
		constraint.setMinimum(Objects.requireNonNullElse(request.minimum(), ""));
		constraint.setMaximum(Objects.requireNonNullElse(request.maximum(), ""));
		constraint.setExcluding(Objects.requireNonNullElse(request.excluding(), List.of()));
		constraint = save(constraint);
		this.changes.record("version_constraint.set", "version_constraint", constraint.key(),
				constraint.auditDetails());
		return VersionConstraintResponse.of(constraint);
	}

	@Transactional
	void delete(String service, String product) {
		VersionConstraint constraint = require(service, product);
		this.constraints.delete(constraint);
		this.changes.record("version_constraint.deleted", "version_constraint", constraint.key(),
				constraint.auditDetails());
	}

	private VersionConstraint save(VersionConstraint constraint) {
		try {
			return this.constraints.saveAndFlush(constraint);
		}
		catch (DataIntegrityViolationException ex) {
			throw Problems.conflict("Concurrent change",
					"'" + constraint.key() + "' was changed by another request at the same time; retry.");
		}
	}

	private VersionConstraint require(String service, String product) {
		return this.constraints.findById(new VersionConstraint.Key(service, product))
			.orElseThrow(() -> Problems.notFound("Version constraint not found",
					"There is no version constraint for service '" + service + "' and product '" + product + "'."));
	}

}
