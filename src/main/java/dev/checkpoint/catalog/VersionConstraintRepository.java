package dev.checkpoint.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface VersionConstraintRepository extends JpaRepository<VersionConstraint, VersionConstraint.Key> {

	List<VersionConstraint> findAllByOrderByServiceAscProductAsc();

}
