package dev.checkpoint.audit;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/audit}: the newest audit entries.
 */
@RestController
class AuditController {

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/api/admin/audit")
	List<AuditEventView> recent(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.auditLog.recent(limit);
	}

}
