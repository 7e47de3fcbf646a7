package dev.checkpoint.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.checkpoint.shared.Problems;
import dev.checkpoint.shared.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Publishes, changes and retires releases. The newest live release of a channel is the
 * one clients hear about, so retiring it makes the previous one current again.
 */
@Service
class ReleaseService {

	private final ProductRepository products;

	private final ReleaseRepository releases;

	private final CatalogChanges changes;

	private final Clock clock;

	private final RolloutStore rollouts;

	private final NoticeRepository notices;

	ReleaseService(ProductRepository products, ReleaseRepository releases, CatalogChanges changes, Clock clock,
			RolloutStore rollouts, NoticeRepository notices) {
		this.rollouts = rollouts;
		this.notices = notices;
		this.products = products;
		this.releases = releases;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<ReleaseResponse> list(String productName, boolean includeRetired) {
		Product product = this.products.require(productName);
		List<Release> found = includeRetired ? this.releases.findByProductIdOrderByReleasedAtDescIdDesc(product.getId())
				: this.releases.findByProductIdAndRetiredAtIsNullOrderByReleasedAtDescIdDesc(product.getId());
		return found.stream().map((release) -> ReleaseResponse.of(product, release)).toList();
	}

	@Transactional(readOnly = true)
	ReleaseResponse get(String productName, String version) {
		Product product = this.products.require(productName);
		return ReleaseResponse.of(product, this.releases.require(product, version));
	}

	/** Publishes a version; one that exists, even retired, is a conflict. */
	@Transactional
	ReleaseResponse publish(String productName, ReleaseCreateRequest request) {
		Product product = this.products.require(productName);
		String version = Objects.requireNonNull(request.version());
		this.releases.findByProductIdAndVersion(product.getId(), version).ifPresent((existing) -> {
			throw existing.isRetired() ? Problems.conflict("Release already exists",
					"The release '" + version + "' of '" + productName
							+ "' exists but is retired; PUT /api/admin/products/" + productName + "/releases/" + version
							+ " brings it back.")
					: exists(productName, version);
		});
		Instant now = now();
		Release release = new Release(product.getId(), version, now);
		release.setReleasedAt(micros(Objects.requireNonNullElse(request.releasedAt(), now)));
		apply(release, request.channel(), request.downloadUrl(), request.changelogUrl());
		List<Rollout.Stage> stages = (request.rollout() != null) ? RolloutService.stages(request.rollout(), now) : null;
		release = insert(product, release);
		Map<String, @Nullable Object> details = release.auditDetails();
		if (stages != null) {
			this.rollouts.save(release.getId(), new Rollout(stages, Rollout.State.ACTIVE, null, null), now);
			details.put("rollout",
					stages.stream()
						.map((stage) -> Map.of("percent", stage.percent(), "at", stage.at().toString()))
						.toList());
		}
		this.changes.record("release.published", "release", key(product, release), details);
		return ReleaseResponse.of(product, release);
	}

	/** Replaces a release's values; a retired release is answered again. */
	@Transactional
	ReleaseResponse update(String productName, String version, ReleaseUpdateRequest request) {
		Product product = this.products.require(productName);
		Release release = this.releases.require(product, version);
		String action = release.isRetired() ? "release.restored" : "release.updated";
		release.setRetiredAt(null);
		if (release.getYankNoticeId() != null) {
			this.notices.findById(release.getYankNoticeId()).ifPresent((notice) -> notice.setRetiredAt(now()));
		}
		release.setYank(null, null);
		if (request.releasedAt() != null) {
			release.setReleasedAt(micros(request.releasedAt()));
		}
		apply(release, request.channel(), request.downloadUrl(), request.changelogUrl());
		this.changes.record(action, "release", key(product, release), release.auditDetails());
		return ReleaseResponse.of(product, release);
	}

	/** Withdraws a release: the previous one of its channel becomes current again. */
	@Transactional
	void retire(String productName, String version) {
		Product product = this.products.require(productName);
		Release release = this.releases.require(product, version);
		if (!release.isRetired()) {
			release.setRetiredAt(now());
			this.changes.record("release.retired", "release", key(product, release), release.auditDetails());
		}
	}

	/**
	 * Withdraws a release with a reason: retired (the release before it is answered
	 * again), and its clients told why by a notice for exactly its version, unless not
	 * wanted. Yanking again replaces the reason (and the notice's text).
	 */
	@Transactional
	ReleaseResponse yank(String productName, String version, YankRequest request) {
		Product product = this.products.require(productName);
		Release release = this.releases.require(product, version);
		Instant now = now();
		String reason = Objects.requireNonNull(request.reason());
		Integer noticeId = release.getYankNoticeId();
		if (!Boolean.FALSE.equals(request.alert())) {
			Notice notice = (noticeId != null) ? this.notices.findById(noticeId).orElse(null) : null;
			if (notice == null) {
				notice = new Notice(product.getId(), now);
			}
			notice.setPublishedAt(now);
			notice.setMessage(reason);
			notice.setUrl(Objects.requireNonNullElse(request.url(), ""));
			notice.setLevel(Objects.requireNonNullElse(request.level(), "warning"));
			notice.setVersionRange("=" + version);
			notice.setRetiredAt(null);
			noticeId = this.notices.saveAndFlush(notice).getId();
		}
		else if (noticeId != null) {
			this.notices.findById(noticeId).ifPresent((notice) -> notice.setRetiredAt(now));
		}
		release.setYank(reason, noticeId);
		if (!release.isRetired()) {
			release.setRetiredAt(now);
		}
		Map<String, @Nullable Object> details = release.auditDetails();
		details.put("yank_notice_id", noticeId);
		this.changes.record("release.yanked", "release", key(product, release), details);
		return ReleaseResponse.of(product, release);
	}

	private static void apply(Release release, @Nullable String channel, @Nullable String downloadUrl,
			@Nullable String changelogUrl) {
		release.setChannel((channel != null) ? channel : channelOf(release.getVersion()));
		release.setDownloadUrl(Objects.requireNonNullElse(downloadUrl, ""));
		release.setChangelogUrl(Objects.requireNonNullElse(changelogUrl, ""));
	}

	/** The channel a version belongs to: {@code dev} for 5.13.0-dev.13, else latest. */
	private static String channelOf(String version) {
		return Version.parse(version).map(Version::channel).orElse(Version.DEFAULT_CHANNEL);
	}

	private Release insert(Product product, Release release) {
		try {
			return this.releases.saveAndFlush(release);
		}
		catch (DataIntegrityViolationException ex) {
			throw exists(product.getName(), release.getVersion());
		}
	}

	private static ErrorResponseException exists(String product, String version) {
		return Problems.conflict("Release already exists",
				"The product '" + product + "' already has a release '" + version + "'.");
	}

	private static String key(Product product, Release release) {
		return product.getName() + "@" + release.getVersion();
	}

	private Instant now() {
		return micros(this.clock.instant());
	}

	/** PostgreSQL keeps microseconds: answer what is stored. */
	private static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

}
