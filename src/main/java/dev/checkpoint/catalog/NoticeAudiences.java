package dev.checkpoint.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.checkpoint.catalog.CatalogSnapshot.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the notices with their audiences, retired ones included, from the database (for
 * reports: the checks are answered from the catalogue's snapshot).
 */
@Component
public class NoticeAudiences {

	private static final Logger log = LoggerFactory.getLogger(NoticeAudiences.class);

	private final JdbcClient jdbc;

	NoticeAudiences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every notice of every product, by id. */
	@Transactional(readOnly = true)
	public List<NoticeAudience> all() {
		return this.jdbc
			.sql("""
					select n.id, p.name as product, n.published_at, n.message, n.url, n.level, n.version_range, n.os, n.arch,
					  n.created_at, n.retired_at
					from notices as n join products as p on p.id = n.product_id order by n.id""")
			.query((rs, row) -> {
				Optional<VersionRange> range = VersionRange.parse(rs.getString("version_range"));
				if (range.isEmpty()) {
					log.warn("Ignoring notice {} with unparseable range '{}'", rs.getInt("id"),
							rs.getString("version_range"));
					return null;
				}
				AlertView alert = new AlertView(rs.getInt("id"), rs.getTimestamp("published_at").toInstant(),
						rs.getString("message"), rs.getString("url"), rs.getString("level"));
				Notice notice = new Notice(alert, range.get(), rs.getString("os"), rs.getString("arch"));
				return new NoticeAudience(rs.getString("product"), notice, rs.getString("version_range"),
						rs.getTimestamp("created_at").toInstant(),
						(rs.getTimestamp("retired_at") != null) ? rs.getTimestamp("retired_at").toInstant() : null);
			})
			.list()
			.stream()
			.filter(Objects::nonNull)
			.toList();
	}

}
