package dev.checkpoint.reports;

import java.util.ArrayList;
import java.util.List;

import dev.checkpoint.reports.NoticeExposureResponse.ExposureDay;
import dev.checkpoint.reports.NoticeExposureResponse.NoticeView;
import org.jspecify.annotations.Nullable;

/**
 * A product's live notices, the most exposed first: each with its latest computed day and
 * the same day a week before, to show whether the exposure is falling.
 *
 * @param product the product name
 * @param notices the live notices, by developers exposed on their latest day (most
 * first), then by id
 */
record NoticeExposureListResponse(String product, List<Entry> notices) implements CsvExport {

	/**
	 * @param notice the notice
	 * @param latest its latest computed day, or null before one was computed
	 * @param weekBefore the day 7 days before that, or null when none was computed
	 */
	record Entry(NoticeView notice, @Nullable ExposureDay latest, @Nullable ExposureDay weekBefore) {
	}

	@Override
	public String csvFilename() {
		return "notices-%s.csv".formatted(FileNames.safe(this.product));
	}

	@Override
	public List<String> csvHeader() {
		return List.of("notice_id", "product", "level", "message", "version_range", "day", "exposed", "shown", "moved",
				"exposed_week_before");
	}

	@Override
	public List<List<String>> csvRows() {
		List<List<String>> rows = new ArrayList<>();
		for (Entry entry : this.notices) {
			ExposureDay latest = entry.latest();
			rows.add(List.of(String.valueOf(entry.notice().id()), this.product, entry.notice().level(),
					entry.notice().message(), entry.notice().versionRange(),
					(latest != null) ? latest.day().toString() : "",
					(latest != null) ? NoticeExposureResponse.figure(latest.exposed()) : "",
					(latest != null) ? NoticeExposureResponse.figure(latest.shown()) : "",
					(latest != null) ? NoticeExposureResponse.figure(latest.moved()) : "",
					(entry.weekBefore() != null) ? NoticeExposureResponse.figure(entry.weekBefore().exposed()) : ""));
		}
		return rows;
	}

}
