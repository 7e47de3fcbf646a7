package dev.checkpoint.catalog;

import java.util.List;
import java.util.Optional;

import dev.checkpoint.shared.Problems;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReleaseRepository extends JpaRepository<Release, Long> {

	Optional<Release> findByProductIdAndVersion(Long productId, String version);

	List<Release> findByProductIdOrderByReleasedAtDescIdDesc(Long productId);

	List<Release> findByProductIdAndRetiredAtIsNullOrderByReleasedAtDescIdDesc(Long productId);

	/** The release of this product with exactly this version, retired or not. */
	default Release require(Product product, String version) {
		return findByProductIdAndVersion(product.getId(), version)
			.orElseThrow(() -> Problems.notFound("Release not found",
					"The product '" + product.getName() + "' has no release '" + version + "'."));
	}

}
