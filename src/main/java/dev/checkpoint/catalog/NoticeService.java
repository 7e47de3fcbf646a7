package dev.checkpoint.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes, changes and retires security notices, which clients receive as alerts.
 */
@Service
class NoticeService {

	private final ProductRepository products;

	private final NoticeRepository notices;

	private final CatalogChanges changes;

	private final Clock clock;

	NoticeService(ProductRepository products, NoticeRepository notices, CatalogChanges changes, Clock clock) {
		this.products = products;
		this.notices = notices;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<NoticeResponse> list(String productName, boolean includeRetired) {
		Product product = this.products.require(productName);
		List<Notice> found = includeRetired ? this.notices.findByProductIdOrderByIdAsc(product.getId())
				: this.notices.findByProductIdAndRetiredAtIsNullOrderByIdAsc(product.getId());
		return found.stream().map((notice) -> NoticeResponse.of(product, notice)).toList();
	}

	@Transactional(readOnly = true)
	NoticeResponse get(String productName, int id) {
		Product product = this.products.require(productName);
		return NoticeResponse.of(product, this.notices.require(product, id));
	}

	@Transactional
	NoticeResponse publish(String productName, NoticeRequest request) {
		Product product = this.products.require(productName);
		Instant now = now();
		Notice notice = new Notice(product.getId(), now);
		notice.setPublishedAt(now);
		apply(notice, request);
		notice = this.notices.saveAndFlush(notice);
		this.changes.record("notice.published", "notice", key(product, notice), notice.auditDetails());
		return NoticeResponse.of(product, notice);
	}

	/** Replaces a notice's values; a retired notice is sent again. */
	@Transactional
	NoticeResponse update(String productName, int id, NoticeRequest request) {
		Product product = this.products.require(productName);
		Notice notice = this.notices.require(product, id);
		String action = notice.isRetired() ? "notice.restored" : "notice.updated";
		notice.setRetiredAt(null);
		apply(notice, request);
		this.changes.record(action, "notice", key(product, notice), notice.auditDetails());
		return NoticeResponse.of(product, notice);
	}

	@Transactional
	void retire(String productName, int id) {
		Product product = this.products.require(productName);
		Notice notice = this.notices.require(product, id);
		if (!notice.isRetired()) {
			notice.setRetiredAt(now());
			this.changes.record("notice.retired", "notice", key(product, notice), notice.auditDetails());
		}
	}

	private static void apply(Notice notice, NoticeRequest request) {
		notice.setMessage(Objects.requireNonNull(request.message()));
		notice.setUrl(Objects.requireNonNullElse(request.url(), ""));
		notice.setLevel(Objects.requireNonNull(request.level()));
		notice.setVersionRange(rangeOrEverything(request.versionRange()));
		notice.setOs(blankToNull(request.os()));
		notice.setArch(blankToNull(request.arch()));
		if (request.publishedAt() != null) {
			notice.setPublishedAt(request.publishedAt().truncatedTo(ChronoUnit.MICROS));
		}
	}

	private static String rangeOrEverything(@Nullable String range) {
		return (range == null || range.isBlank()) ? "*" : range.strip();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String key(Product product, Notice notice) {
		return product.getName() + "#" + notice.getId();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
