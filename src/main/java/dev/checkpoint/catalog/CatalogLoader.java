package dev.checkpoint.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.checkpoint.catalog.CatalogSnapshot.ChannelReleases;
import dev.checkpoint.catalog.CatalogSnapshot.ConstraintKey;
import dev.checkpoint.catalog.CatalogSnapshot.LatestRelease;
import dev.checkpoint.catalog.CatalogSnapshot.Notice;
import dev.checkpoint.catalog.CatalogSnapshot.ProductEntry;
import dev.checkpoint.catalog.CatalogSnapshot.RollingRelease;
import dev.checkpoint.shared.Version;
import org.jspecify.annotations.Nullable;
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

	private final Clock clock;

	CatalogLoader(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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
		Map<Long, Map<String, ChannelReleases>> latest = channelReleases();
		Map<Long, List<Notice>> notices = notices();
		Map<String, ProductEntry> entries = new HashMap<>();
		products.forEach((id, view) -> entries.put(view.name(), new ProductEntry(view,
				Map.copyOf(latest.getOrDefault(id, Map.of())), List.copyOf(notices.getOrDefault(id, List.of())))));
		return new CatalogSnapshot(Map.copyOf(entries), constraints());
	}

	/**
	 * Per product and channel: the release every client gets and the newer one being
	 * rolled out, if any. Releases of an aborted rollout are answered to no one; a
	 * rollout whose schedule is done counts as a plain release.
	 */
	private Map<Long, Map<String, ChannelReleases>> channelReleases() {
		Map<Long, Map<String, List<Candidate>>> byChannel = new HashMap<>();
		this.jdbc.sql("""
				select r.product_id, r.version, r.channel, r.released_at, r.download_url, r.changelog_url,
				  o.percents, o.stage_times, o.state, o.paused_at, o.paused_percent
				from releases as r left join release_rollouts as o on o.release_id = r.id
				where r.retired_at is null""").query((rs) -> {
			Optional<Version> version = Version.parse(rs.getString("version"));
			if (version.isEmpty()) {
				log.warn("Ignoring release with unparseable version '{}'", rs.getString("version"));
				return;
			}
			ReleaseView release = new ReleaseView(rs.getString("version"), rs.getString("channel"),
					instant(rs, "released_at"), rs.getString("download_url"), rs.getString("changelog_url"));
			Rollout rollout = (rs.getString("state") != null) ? RolloutStore.rollout(rs) : null;
			if (rollout != null && rollout.state() == Rollout.State.ABORTED) {
				return;
			}
			byChannel.computeIfAbsent(rs.getLong("product_id"), (id) -> new HashMap<>())
				.computeIfAbsent(release.channel(), (channel) -> new ArrayList<>())
				.add(new Candidate(new LatestRelease(version.get(), release), rollout));
		});
		Instant now = this.clock.instant();
		Map<Long, Map<String, ChannelReleases>> channels = new HashMap<>();
		byChannel.forEach((product, releases) -> releases.forEach((channel, candidates) -> {
			candidates.sort((a, b) -> b.release().version().compareTo(a.release().version()));
			Candidate newest = candidates.get(0);
			RollingRelease rolling = (newest.rollout() != null && !newest.rollout().completeAt(now))
					? new RollingRelease(newest.release(), newest.rollout()) : null;
			LatestRelease baseline = candidates.stream()
				.skip((rolling != null) ? 1 : 0)
				.filter((candidate) -> candidate.rollout() == null || candidate.rollout().completeAt(now))
				.map(Candidate::release)
				.findFirst()
				.orElse(null);
			channels.computeIfAbsent(product, (id) -> new HashMap<>())
				.put(channel, new ChannelReleases(baseline, rolling));
		}));
		return channels;
	}

	private record Candidate(LatestRelease release, @Nullable Rollout rollout) {
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
