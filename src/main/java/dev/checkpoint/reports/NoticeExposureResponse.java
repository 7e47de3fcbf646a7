package dev.checkpoint.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.checkpoint.catalog.NoticeAudience;
import org.jspecify.annotations.Nullable;

/**
 * Who is exposed to one notice, day by day over a range of UTC days (the days it was live
 * and computed). A figure from 1 to {@code checkpoint.reports.min-cell-size} - 1
 * developers is {@code null}, so that no small group shows.
 *
 * @param notice the notice
 * @param from the first day
 * @param to the last day
 * @param days one per computed day of the range the notice was live on, in order
 */
record NoticeExposureResponse(NoticeView notice, LocalDate from, LocalDate to,
		List<ExposureDay> days) implements CsvExport {

	/**
	 * A notice as the exposure reports show it.
	 *
	 * @param id its id
	 * @param product the product it belongs to
	 * @param message what clients are told
	 * @param url where they read more
	 * @param level info, warning or critical
	 * @param versionRange the versions it applies to
	 * @param os the only os it applies to, or null
	 * @param arch the only arch it applies to, or null
	 * @param publishedAt the date clients are sent with it
	 * @param createdAt when it was created (clients are sent it from then on)
	 * @param retiredAt when it was retired, or null while live
	 */
	record NoticeView(int id, String product, String message, String url, String level, String versionRange,
			@Nullable String os, @Nullable String arch, Instant publishedAt, Instant createdAt,
			@Nullable Instant retiredAt) {

		static NoticeView of(NoticeAudience notice) {
			return new NoticeView(notice.id(), notice.product(), notice.alert().message(), notice.alert().url(),
					notice.alert().level(), notice.versionRange(), notice.os(), notice.arch(), notice.alert().date(),
					notice.createdAt(), notice.retiredAt());
		}

	}

	/**
	 * One UTC day of a notice.
	 *
	 * @param day the day
	 * @param exposed developers active that day on a version (and os, arch) the notice
	 * applies to
	 * @param shown of which had been sent the notice by the day's end
	 * @param moved developers exposed on some day the notice was live whose latest ping
	 * by the day's end was on a version it does not apply to
	 */
	record ExposureDay(LocalDate day, @Nullable Long exposed, @Nullable Long shown, @Nullable Long moved) {

		/** The stored figures, each {@code null} when it is too small to show. */
		static ExposureDay published(LocalDate day, long exposed, long shown, long moved, int minCellSize) {
			return new ExposureDay(day, shown(exposed, minCellSize), shown(shown, minCellSize),
					shown(moved, minCellSize));
		}

		private static @Nullable Long shown(long figure, int minCellSize) {
			return (figure == 0 || figure >= minCellSize) ? figure : null;
		}

	}

	@Override
	public String csvFilename() {
		return "notice-%d-exposure-%s-%s.csv".formatted(this.notice.id(), this.from, this.to);
	}

	@Override
	public List<String> csvHeader() {
		return List.of("notice_id", "product", "day", "exposed", "shown", "moved");
	}

	@Override
	public List<List<String>> csvRows() {
		return this.days.stream()
			.map((day) -> List.of(String.valueOf(this.notice.id()), this.notice.product(), day.day().toString(),
					figure(day.exposed()), figure(day.shown()), figure(day.moved())))
			.toList();
	}

	static String figure(@Nullable Long figure) {
		return (figure != null) ? figure.toString() : "";
	}

}
