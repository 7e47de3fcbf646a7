package dev.checkpoint.errorreports;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.checkpoint.privacy.SignatureEraser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a signature's crash reports, keeping {@code report_count} exact as the retention
 * does: the groups lose the erased reports, and groups left without reports are deleted.
 */
@Component
class ErrorReportErasure implements SignatureEraser {

	private final JdbcClient jdbc;

	ErrorReportErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Long> erase(UUID signature) {
		List<Erased> erased = this.jdbc.sql("""
				with deleted as (delete from error_reports where signature = ? returning group_id),
				counts as (select group_id, count(*) as n from deleted group by group_id)
				update error_groups g set report_count = g.report_count - c.n
				from counts c where g.id = c.group_id
				returning g.id, c.n""")
			.param(signature)
			.query((rs, row) -> new Erased(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		long reports = erased.stream().mapToLong(Erased::reports).sum();
		long groups = erased.isEmpty() ? 0
				: this.jdbc.sql("delete from error_groups where id in (:ids) and report_count <= 0")
					.param("ids", erased.stream().map(Erased::group).toList())
					.update();
		return Map.of("error_reports", reports, "error_groups", groups);
	}

	private record Erased(UUID group, long reports) {
	}

}
