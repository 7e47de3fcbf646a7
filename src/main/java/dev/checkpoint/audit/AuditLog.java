package dev.checkpoint.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's public facade. {@link #record} joins the caller's transaction, so a
 * change and its audit entry commit (or roll back) together.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records a change made by the current user.
	 * @param action what happened, e.g. {@code release.published}
	 * @param entityType the kind of thing changed, e.g. {@code release}
	 * @param entityKey which one, e.g. {@code prisma@6.1.0}
	 * @param details the values that were set
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, String entityKey, Map<String, ?> details) {
		this.jdbc.sql("""
				insert into audit_events (occurred_at, actor, action, entity_type, entity_key, details)
				values (?, ?, ?, ?, ?, ?::jsonb)""")
			.params(Timestamp.from(this.clock.instant()), currentActor(), action, entityType, entityKey,
					this.json.writeValueAsString(details))
			.update();
	}

	/** The newest entries first. */
	@Transactional(readOnly = true)
	public List<AuditEventView> recent(int limit) {
		return this.jdbc.sql("""
				select id, occurred_at, actor, action, entity_type, entity_key, details::text as details
				from audit_events order by id desc limit ?""")
			.param(limit)
			.query((rs, row) -> new AuditEventView(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
					rs.getString("entity_key"), this.json.readTree(rs.getString("details"))))
			.list();
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "system";
	}

}
