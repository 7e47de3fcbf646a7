package dev.checkpoint.catalog;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/version-constraints}: what {@code GET /v1/versions/{service}}
 * answers.
 */
@RestController
@RequestMapping("/api/admin/version-constraints")
class AdminVersionConstraintController {

	private final VersionConstraintService constraints;

	AdminVersionConstraintController(VersionConstraintService constraints) {
		this.constraints = constraints;
	}

	@GetMapping
	List<VersionConstraintResponse> list() {
		return this.constraints.list();
	}

	@GetMapping("/{service}/{product}")
	VersionConstraintResponse get(@PathVariable String service, @PathVariable String product) {
		return this.constraints.get(service, product);
	}

	/** Creates or replaces the constraint. */
	@PutMapping("/{service}/{product}")
	VersionConstraintResponse put(@PathVariable String service, @PathVariable String product,
			@Valid @RequestBody VersionConstraintRequest request) {
		return this.constraints.put(service, product, request);
	}

	@DeleteMapping("/{service}/{product}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String service, @PathVariable String product) {
		this.constraints.delete(service, product);
	}

}
