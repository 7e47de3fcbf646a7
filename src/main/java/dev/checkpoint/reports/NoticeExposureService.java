package dev.checkpoint.reports;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.checkpoint.catalog.NoticeAudience;
import dev.checkpoint.catalog.NoticeAudiences;
import dev.checkpoint.reports.NoticeExposureListResponse.Entry;
import dev.checkpoint.reports.NoticeExposureResponse.ExposureDay;
import dev.checkpoint.reports.NoticeExposureResponse.NoticeView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the stored notice exposure ({@code notice_exposure_days}, computed by the daily
 * job): per notice and day, and the latest day of each live notice of a product.
 */
@Service
class NoticeExposureService {

	private final ReportReads reads;

	private final NoticeAudiences audiences;

	private final ReportsProperties properties;

	NoticeExposureService(ReportReads reads, NoticeAudiences audiences, ReportsProperties properties) {
		this.reads = reads;
		this.audiences = audiences;
		this.properties = properties;
	}

	/** The product's live notices, the most exposed on their latest day first. */
	NoticeExposureListResponse live(String product) {
		return this.reads.read((jdbc) -> {
			List<NoticeAudience> notices = this.audiences.all()
				.stream()
				.filter((notice) -> notice.product().equals(product) && notice.retiredAt() == null)
				.toList();
			Map<Integer, Stored> latest = new HashMap<>();
			Map<Integer, Stored> weekBefore = new HashMap<>();
			if (!notices.isEmpty()) {
				jdbc.sql("""
						select l.notice_id, l.day, l.exposed, l.shown, l.moved,
						  w.day as week_day, w.exposed as week_exposed, w.shown as week_shown, w.moved as week_moved
						from (select distinct on (notice_id) * from notice_exposure_days
						  where notice_id = any(:ids) order by notice_id, day desc) as l
						left join notice_exposure_days as w on w.notice_id = l.notice_id and w.day = l.day - 7""")
					.param("ids", notices.stream().map(NoticeAudience::id).toArray(Integer[]::new))
					.query((rs) -> {
						int id = rs.getInt("notice_id");
						latest.put(id, new Stored(rs.getObject("day", LocalDate.class), rs.getLong("exposed"),
								rs.getLong("shown"), rs.getLong("moved")));
						if (rs.getObject("week_day") != null) {
							weekBefore.put(id, new Stored(rs.getObject("week_day", LocalDate.class),
									rs.getLong("week_exposed"), rs.getLong("week_shown"), rs.getLong("week_moved")));
						}
					});
			}
			int minCellSize = this.properties.minCellSize();
			List<Entry> entries = notices.stream()
				.sorted(Comparator.comparingLong((NoticeAudience notice) -> (latest.containsKey(notice.id()))
						? latest.get(notice.id()).exposed() : -1)
					.reversed()
					.thenComparingInt(NoticeAudience::id))
				.map((notice) -> new Entry(NoticeView.of(notice), publish(latest.get(notice.id()), minCellSize),
						publish(weekBefore.get(notice.id()), minCellSize)))
				.toList();
			return new NoticeExposureListResponse(product, entries);
		});
	}

	/** The notice's days from {@code from} to {@code to}, or empty when it is unknown. */
	Optional<NoticeExposureResponse> days(int noticeId, LocalDate from, LocalDate to) {
		return this.reads.read((jdbc) -> {
			Optional<NoticeAudience> notice = this.audiences.all()
				.stream()
				.filter((candidate) -> candidate.id() == noticeId)
				.findFirst();
			if (notice.isEmpty()) {
				return Optional.empty();
			}
			int minCellSize = this.properties.minCellSize();
			List<ExposureDay> days = jdbc.sql("""
					select day, exposed, shown, moved from notice_exposure_days
					where notice_id = :id and day between :from and :to order by day""")
				.param("id", noticeId)
				.param("from", from)
				.param("to", to)
				.query((rs, row) -> ExposureDay.published(rs.getObject("day", LocalDate.class), rs.getLong("exposed"),
						rs.getLong("shown"), rs.getLong("moved"), minCellSize))
				.list();
			return Optional.of(new NoticeExposureResponse(NoticeView.of(notice.get()), from, to, days));
		});
	}

	private static @Nullable ExposureDay publish(@Nullable Stored stored, int minCellSize) {
		return (stored != null)
				? ExposureDay.published(stored.day(), stored.exposed(), stored.shown(), stored.moved(), minCellSize)
				: null;
	}

	private record Stored(LocalDate day, long exposed, long shown, long moved) {
	}

}
