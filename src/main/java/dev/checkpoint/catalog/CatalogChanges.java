package dev.checkpoint.catalog;

import java.util.Map;

import dev.checkpoint.audit.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a change to the catalogue in the caller's transaction: an audit entry, and a
 * {@link CatalogChanged} event that refreshes the in-memory catalogue after the commit.
 */
@Component
class CatalogChanges {

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	CatalogChanges(AuditLog auditLog, ApplicationEventPublisher events) {
		this.auditLog = auditLog;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void record(String action, String entityType, String entityKey, Map<String, ?> details) {
		this.auditLog.record(action, entityType, entityKey, details);
		this.events.publishEvent(new CatalogChanged(entityType, entityKey));
	}

}
