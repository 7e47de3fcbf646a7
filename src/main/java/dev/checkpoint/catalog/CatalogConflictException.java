package dev.checkpoint.catalog;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A catalogue entry that already exists, live or retired: 409. A retired entry keeps its
 * name or version; a {@code PUT} to it brings it back.
 */
class CatalogConflictException extends ErrorResponseException {

	private CatalogConflictException(ProblemDetail problem) {
		super(HttpStatus.CONFLICT, problem, null);
	}

	static CatalogConflictException forProduct(String name) {
		return conflict("Product already exists", "The product '" + name + "' already exists.");
	}

	static CatalogConflictException forRetiredProduct(String name) {
		return conflict("Product already exists", "The product '" + name
				+ "' exists but is retired; PUT /api/admin/products/" + name + " brings it back with new values.");
	}

	static CatalogConflictException forRelease(String product, String version) {
		return conflict("Release already exists",
				"The product '" + product + "' already has a release '" + version + "'.");
	}

	static CatalogConflictException forRetiredRelease(String product, String version) {
		return conflict("Release already exists",
				"The release '" + version + "' of '" + product + "' exists but is retired; PUT /api/admin/products/"
						+ product + "/releases/" + version + " brings it back.");
	}

	static CatalogConflictException forConcurrentChange(String key) {
		return conflict("Concurrent change", "'" + key + "' was changed by another request at the same time; retry.");
	}

	private static CatalogConflictException conflict(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setType(ProblemTypes.CONFLICT);
		problem.setTitle(title);
		return new CatalogConflictException(problem);
	}

}
