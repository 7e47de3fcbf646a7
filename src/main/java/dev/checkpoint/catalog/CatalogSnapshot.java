package dev.checkpoint.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.checkpoint.shared.Platforms;
import dev.checkpoint.shared.Version;
import org.jspecify.annotations.Nullable;
import org.semver4j.Semver;

/**
 * An immutable copy of the whole catalogue, swapped in whole on refresh, so that a check
 * is answered from memory without locks or queries.
 */
record CatalogSnapshot(Map<String, ProductEntry> products, Map<ConstraintKey, VersionConstraintsView> constraints) {

	static final CatalogSnapshot EMPTY = new CatalogSnapshot(Map.of(), Map.of());

	Optional<CheckAnswer> answer(String product, String version, String os, String arch, @Nullable UUID signature,
			Instant now) {
		ProductEntry entry = this.products.get(product);
		return (entry != null) ? Optional.of(entry.answer(version, os, arch, signature, now)) : Optional.empty();
	}

	Set<Integer> noticeIds() {
		return this.products.values()
			.stream()
			.flatMap((entry) -> entry.notices().stream())
			.map((notice) -> notice.alert().id())
			.collect(Collectors.toSet());
	}

	VersionConstraintsView constraints(String service, String product) {
		return this.constraints.getOrDefault(new ConstraintKey(service, product), VersionConstraintsView.NONE);
	}

	record ConstraintKey(String service, String product) {
	}

	/**
	 * One product with the releases of each channel it answers and its live notices.
	 */
	record ProductEntry(ProductView view, Map<String, ChannelReleases> channels, List<Notice> notices) {

		CheckAnswer answer(String version, String os, String arch, @Nullable UUID signature, Instant now) {
			Optional<Version> parsed = Version.parse(version);
			String channel = parsed.map(Version::channel)
				.filter(this.channels::containsKey)
				.orElse(Version.DEFAULT_CHANNEL);
			ChannelReleases releases = this.channels.get(channel);
			LatestRelease latest = (releases != null) ? releases.answerFor(signature, this.view.name(), now) : null;
			boolean outdated = latest != null && parsed.isPresent() && parsed.get().compareTo(latest.version()) < 0;
			Semver semver = this.notices.isEmpty() ? null : VersionRange.semver(parsed.orElse(null));
			List<AlertView> alerts = this.notices.stream()
				.filter((notice) -> notice.appliesTo(semver, os, arch))
				.map(Notice::alert)
				.toList();
			return new CheckAnswer(this.view, channel, (latest != null) ? latest.release() : null, outdated, alerts);
		}

	}

	record LatestRelease(Version version, ReleaseView release) {
	}

	/**
	 * What a channel answers: its newest release that every client gets
	 * ({@code baseline}), and a newer one being rolled out to a share of them, if any.
	 */
	record ChannelReleases(@Nullable LatestRelease baseline, @Nullable RollingRelease rolling) {

		@Nullable LatestRelease answerFor(@Nullable UUID signature, String product, Instant now) {
			if (this.rolling != null && this.rolling.rollout()
				.includes(signature, product, this.rolling.release().release().version(), now)) {
				return this.rolling.release();
			}
			return this.baseline;
		}

	}

	/** A release with its rollout. */
	record RollingRelease(LatestRelease release, Rollout rollout) {
	}

	/**
	 * A notice with what selects its audience: a version range and optional os/arch.
	 */
	record Notice(AlertView alert, VersionRange range, @Nullable String os, @Nullable String arch) {

		boolean appliesTo(@Nullable Semver version, String clientOs, String clientArch) {
			boolean versionMatches = this.range.contains(version);
			return versionMatches && matches(this.os, Platforms.os(clientOs))
					&& matchesArch(this.arch, Platforms.arch(clientArch));
		}

		private static boolean matches(@Nullable String wanted, String normalised) {
			return wanted == null || wanted.isEmpty() || Platforms.os(wanted).equals(normalised);
		}

		private static boolean matchesArch(@Nullable String wanted, String normalised) {
			return wanted == null || wanted.isEmpty() || Platforms.arch(wanted).equals(normalised);
		}

	}

}
