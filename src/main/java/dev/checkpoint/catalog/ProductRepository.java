package dev.checkpoint.catalog;

import java.util.List;
import java.util.Optional;

import dev.checkpoint.shared.Problems;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProductRepository extends JpaRepository<Product, Long> {

	Optional<Product> findByName(String name);

	List<Product> findAllByOrderByNameAsc();

	List<Product> findByRetiredAtIsNullOrderByNameAsc();

	/** The product with this name, retired or not. */
	default Product require(String name) {
		return findByName(name).orElseThrow(
				() -> Problems.notFound("Product not found", "The product '" + name + "' is not in the catalogue."));
	}

}
