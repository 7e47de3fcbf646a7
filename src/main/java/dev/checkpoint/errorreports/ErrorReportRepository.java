package dev.checkpoint.errorreports;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ErrorReportRepository extends JpaRepository<ErrorReport, UUID> {

	Optional<ErrorReport> findByNumber(long number);

	default ErrorReport require(UUID id) {
		return findById(id).orElseThrow(() -> PathIds.reportNotFound(id.toString()));
	}

}
