package dev.checkpoint.errorreports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The operator listings in SQL: groups ranked by report count (overall, or for one
 * version), a group's newest reports, and the products that have reports. Callers provide
 * the transaction.
 */
@Component
class ErrorGroupQueries {

	private static final String ALL_VERSIONS = """
			select g.id, g.product, g.title, g.first_seen, g.last_seen, g.report_count, g.resolved_at, g.resolved_by
			from error_groups g
			where true""";

	private static final String ONE_VERSION = """
			select g.id, g.product, g.title, v.first_seen, v.last_seen, v.report_count, g.resolved_at, g.resolved_by
			from error_groups g
			join (select group_id, count(*) as report_count, min(received_at) as first_seen,
			             max(received_at) as last_seen
			      from error_reports where version = :version group by group_id) v on v.group_id = g.id
			where true""";

	private final JdbcClient jdbc;

	ErrorGroupQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ErrorGroupPageResponse groups(GroupFilter filter, int page, int size) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder sql = new StringBuilder((filter.version() != null) ? ONE_VERSION : ALL_VERSIONS);
		if (filter.version() != null) {
			params.put("version", filter.version());
		}
		if (filter.product() != null) {
			sql.append(" and g.product = :product");
			params.put("product", filter.product());
		}
		if ("open".equals(filter.status())) {
			sql.append(" and g.resolved_at is null");
		}
		else if ("resolved".equals(filter.status())) {
			sql.append(" and g.resolved_at is not null");
		}
		long total = this.jdbc.sql("select count(*) from (" + sql + ") selected")
			.params(params)
			.query(Long.class)
			.single();
		List<ErrorGroupResponse> groups = this.jdbc
			.sql(sql + " order by report_count desc, last_seen desc, g.id limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> group(rs))
			.list();
		return new ErrorGroupPageResponse(groups, filter.product(), filter.version(), filter.status(), page, size,
				total);
	}

	List<ErrorReportSummaryResponse> recentReports(UUID groupId, int limit) {
		return this.jdbc.sql("""
				select id, number, received_at, version, os, arch, node_version, consent from error_reports
				where group_id = :group order by received_at desc, id limit :limit""")
			.param("group", groupId)
			.param("limit", limit)
			.query((rs, row) -> new ErrorReportSummaryResponse(rs.getObject("id", UUID.class), rs.getLong("number"),
					instant(rs, "received_at"), rs.getString("version"), rs.getString("os"), rs.getString("arch"),
					rs.getString("node_version"), rs.getString("consent")))
			.list();
	}

	List<ErrorProductResponse> products() {
		return this.jdbc.sql("""
				select product, count(*) filter (where resolved_at is null) as open_groups,
				       coalesce(sum(report_count) filter (where resolved_at is null), 0) as open_reports,
				       count(*) as groups, max(last_seen) as last_seen
				from error_groups group by product order by product""")
			.query((rs, row) -> new ErrorProductResponse(rs.getString("product"), rs.getLong("open_groups"),
					rs.getLong("open_reports"), rs.getLong("groups"), instant(rs, "last_seen")))
			.list();
	}

	private static ErrorGroupResponse group(ResultSet rs) throws SQLException {
		Instant resolvedAt = nullableInstant(rs, "resolved_at");
		return new ErrorGroupResponse(rs.getObject("id", UUID.class), rs.getString("product"), rs.getString("title"),
				ErrorGroupResponse.status(resolvedAt), rs.getLong("report_count"), instant(rs, "first_seen"),
				instant(rs, "last_seen"), resolvedAt, rs.getString("resolved_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** Which groups to list; {@code status} is open, resolved or all. */
	record GroupFilter(@Nullable String product, @Nullable String version, String status) {
	}

}
