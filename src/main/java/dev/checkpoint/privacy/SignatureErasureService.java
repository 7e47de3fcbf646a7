package dev.checkpoint.privacy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.checkpoint.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a signature from every module in one transaction, and records an erasure that
 * deleted something (with row counts, never the signature) in the audit log. An erasure
 * of a signature nothing is stored under leaves no trace, so that anyone sending random
 * signatures cannot fill the audit log.
 */
@Service
class SignatureErasureService {

	static final String AUDIT_ACTION = "privacy.signature-erased";

	private final List<SignatureEraser> erasers;

	private final AuditLog audit;

	SignatureErasureService(List<SignatureEraser> erasers, AuditLog audit) {
		this.erasers = erasers;
		this.audit = audit;
	}

	/**
	 * @return the rows deleted, by table
	 */
	@Transactional
	Map<String, Long> erase(UUID signature) {
		Map<String, Long> deleted = new TreeMap<>();
		for (SignatureEraser eraser : this.erasers) {
			eraser.erase(signature).forEach((table, rows) -> deleted.merge(table, rows, Long::sum));
		}
		if (deleted.values().stream().anyMatch((rows) -> rows > 0)) {
			this.audit.record(AUDIT_ACTION, "signature", "withheld", deleted);
		}
		return deleted;
	}

}
