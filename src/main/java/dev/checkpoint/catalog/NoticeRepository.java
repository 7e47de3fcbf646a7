package dev.checkpoint.catalog;

import java.util.List;
import java.util.Optional;

import dev.checkpoint.shared.Problems;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeRepository extends JpaRepository<Notice, Integer> {

	Optional<Notice> findByIdAndProductId(Integer id, Long productId);

	List<Notice> findByProductIdOrderByIdAsc(Long productId);

	List<Notice> findByProductIdAndRetiredAtIsNullOrderByIdAsc(Long productId);

	/** The notice of this product with this id, retired or not. */
	default Notice require(Product product, int id) {
		return findByIdAndProductId(id, product.getId()).orElseThrow(() -> Problems.notFound("Notice not found",
				"The product '" + product.getName() + "' has no notice " + id + "."));
	}

}
