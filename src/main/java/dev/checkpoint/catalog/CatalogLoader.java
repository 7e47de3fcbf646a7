package dev.checkpoint.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.checkpoint.catalog.CatalogSnapshot.ConstraintKey;
import dev.checkpoint.catalog.CatalogSnapshot.LatestRelease;
import dev.checkpoint.catalog.CatalogSnapshot.Notice;
import dev.checkpoint.catalog.CatalogSnapshot.ProductEntry;
import dev.checkpoint.shared.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the live catalogue (nothing retired) into a {@link CatalogSnapshot}.
 */
@Component
class CatalogLoader {

	private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

	private final JdbcClient jdbc;

	CatalogLoader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	CatalogSnapshot load() {
		Map<Long, ProductView> products = new HashMap<>();
		this.jdbc.sql("""
				select id, name, package_name, website, install_command, public_page from products
				where retired_at is null""").query((rs) -> {
			products.put(rs.getLong("id"), new ProductView(rs.getString("name"), rs.getString("package_name"),
					rs.getString("website"), rs.getString("install_command"), rs.getBoolean("public_page")));
		});
		Map<Long, Map<String, LatestRelease>> latest = latestReleases();
		Map<Long, List<Notice>> notices = notices();
		Map<String, ProductEntry> entries = new HashMap<>();
		products.forEach((id, view) -> entries.put(view.name(), new ProductEntry(view,
				Map.copyOf(latest.getOrDefault(id, Map.of())), List.copyOf(notices.getOrDefault(id, List.of())))));
		return new CatalogSnapshot(Map.copyOf(entries), constraints());
	}

	private Map<Long, Map<String, LatestRelease>> latestReleases() {
		Map<Long, Map<String, LatestRelease>> latest = new HashMap<>();
		this.jdbc.sql("""
				select product_id, version, channel, released_at, download_url, changelog_url
				from releases where retired_at is null""").query((rs) -> {
			Optional<Version> version = Version.parse(rs.getString("version"));
			if (version.isEmpty()) {
				log.warn("Ignoring release with unparseable version '{}'", rs.getString("version"));
				return;
			}
			ReleaseView release = new ReleaseView(rs.getString("version"), rs.getString("channel"),
					instant(rs, "released_at"), rs.getString("download_url"), rs.getString("changelog_url"));
			latest.computeIfAbsent(rs.getLong("product_id"), (id) -> new HashMap<>())
				.merge(release.channel(), new LatestRelease(version.get(), release),
						(a, b) -> (a.version().compareTo(b.version()) >= 0) ? a : b);
		});
		return latest;
	}

	private Map<Long, List<Notice>> notices() {
		Map<Long, List<Notice>> notices = new HashMap<>();
		this.jdbc.sql("""
				select id, product_id, published_at, message, url, level, version_range, os, arch
				from notices where retired_at is null order by id""").query((rs) -> {
			Optional<VersionRange> range = VersionRange.parse(rs.getString("version_range"));
			if (range.isEmpty()) {
				log.warn("Ignoring notice {} with unparseable range '{}'", rs.getInt("id"),
						rs.getString("version_range"));
				return;
			}
			AlertView alert = new AlertView(rs.getInt("id"), instant(rs, "published_at"), rs.getString("message"),
					rs.getString("url"), rs.getString("level"));
			notices.computeIfAbsent(rs.getLong("product_id"), (id) -> new ArrayList<>())
				.add(new Notice(alert, range.get(), rs.getString("os"), rs.getString("arch")));
		});
		return notices;
	}

	private Map<ConstraintKey, VersionConstraintsView> constraints() {
		Map<ConstraintKey, VersionConstraintsView> constraints = new HashMap<>();
		this.jdbc.sql("select service, product, minimum, maximum, excluding from version_constraints").query((rs) -> {
			constraints.put(new ConstraintKey(rs.getString("service"), rs.getString("product")),
					new VersionConstraintsView(rs.getString("minimum"), rs.getString("maximum"),
							strings(rs.getArray("excluding"))));
		});
		return Map.copyOf(constraints);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

}
