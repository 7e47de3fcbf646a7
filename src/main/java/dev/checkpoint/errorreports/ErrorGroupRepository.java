package dev.checkpoint.errorreports;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ErrorGroupRepository extends JpaRepository<ErrorGroup, UUID> {

	default ErrorGroup require(UUID id) {
		return findById(id).orElseThrow(() -> PathIds.groupNotFound(id.toString()));
	}

}
