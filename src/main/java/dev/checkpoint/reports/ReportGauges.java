package dev.checkpoint.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.checkpoint.catalog.NoticeAudiences;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored reports as Prometheus gauges, for operators who chart in Grafana: per
 * product the current month's active developers and the latest computed day's daily and
 * weekly ones, per live notice its exposure on its latest computed day. The labels are
 * products and live notices only, so the series stay as few as those. Every instance
 * reads them from the database on {@code checkpoint.reports.metrics-interval} (a few
 * small reads, no counting); a figure under {@code checkpoint.reports.min-cell-size}
 * (from 1) is NaN, as the API blanks it.
 */
@Component
class ReportGauges {

	private static final String DAYS = """
			select distinct on (r.product) r.product, r.developers, r.weekly_developers
			from daily_reports as r join daily_computed as c on c.day = r.day
			order by r.product, r.day desc
			""";

	private static final String NOTICES = """
			select distinct on (notice_id) notice_id, exposed, shown, moved from notice_exposure_days
			where notice_id = any(:ids) order by notice_id, day desc
			""";

	private final ReportReads reads;

	private final NoticeAudiences notices;

	private final Clock clock;

	private final ReportsProperties properties;

	private final MultiGauge monthly;

	private final MultiGauge daily;

	private final MultiGauge weekly;

	private final MultiGauge exposed;

	private final MultiGauge shown;

	private final MultiGauge moved;

	ReportGauges(ReportReads reads, NoticeAudiences notices, Clock clock, ReportsProperties properties,
			MeterRegistry meters) {
		this.reads = reads;
		this.notices = notices;
		this.clock = clock;
		this.properties = properties;
		this.monthly = gauge("checkpoint.reports.monthly.developers",
				"Active developers of the current UTC month so far, as last refreshed", meters);
		this.daily = gauge("checkpoint.reports.daily.developers", "Active developers of the latest computed UTC day",
				meters);
		this.weekly = gauge("checkpoint.reports.weekly.developers",
				"Active developers of the 7 UTC days ending with the latest computed one", meters);
		this.exposed = gauge("checkpoint.reports.notice.exposed.developers",
				"Developers active on a version a live notice applies to, on its latest computed day", meters);
		this.shown = gauge("checkpoint.reports.notice.shown.developers",
				"Of the exposed developers, those that had been sent the notice", meters);
		this.moved = gauge("checkpoint.reports.notice.moved.developers",
				"Developers once exposed to the notice now on a version it does not apply to", meters);
	}

	private static MultiGauge gauge(String name, String description, MeterRegistry meters) {
		return MultiGauge.builder(name).description(description).baseUnit("developers").register(meters);
	}

	/**
	 * Reads the figures again; products and notices no longer there lose their series.
	 */
	void refresh() {
		this.reads.read((jdbc) -> {
			List<MultiGauge.Row<?>> months = new ArrayList<>();
			jdbc.sql("select product, developers from mau_reports where month = :month")
				.param("month", LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1))
				.query((rs) -> {
					months.add(MultiGauge.Row.of(Tags.of("product", rs.getString(1)), rs.getLong(2)));
				});
			List<MultiGauge.Row<?>> days = new ArrayList<>();
			List<MultiGauge.Row<?>> weeks = new ArrayList<>();
			jdbc.sql(DAYS).query((rs) -> {
				Tags tags = Tags.of("product", rs.getString("product"));
				days.add(MultiGauge.Row.of(tags, rs.getLong("developers")));
				weeks.add(MultiGauge.Row.of(tags, rs.getLong("weekly_developers")));
			});
			List<MultiGauge.Row<?>> exposures = new ArrayList<>();
			List<MultiGauge.Row<?>> shows = new ArrayList<>();
			List<MultiGauge.Row<?>> moves = new ArrayList<>();
			int minCellSize = this.properties.minCellSize();
			Map<Integer, String> live = new HashMap<>();
			this.notices.all()
				.stream()
				.filter((notice) -> notice.retiredAt() == null)
				.forEach((notice) -> live.put(notice.id(), notice.product()));
			jdbc.sql(NOTICES).param("ids", live.keySet().toArray(Integer[]::new)).query((rs) -> {
				int id = rs.getInt("notice_id");
				Tags tags = Tags.of("product", live.get(id), "notice", String.valueOf(id));
				exposures.add(MultiGauge.Row.of(tags, shown(rs.getLong("exposed"), minCellSize)));
				shows.add(MultiGauge.Row.of(tags, shown(rs.getLong("shown"), minCellSize)));
				moves.add(MultiGauge.Row.of(tags, shown(rs.getLong("moved"), minCellSize)));
			});
			this.monthly.register(months, true);
			this.daily.register(days, true);
			this.weekly.register(weeks, true);
			this.exposed.register(exposures, true);
			this.shown.register(shows, true);
			this.moved.register(moves, true);
			return Boolean.TRUE;
		});
	}

	private static double shown(long figure, int minCellSize) {
		return (figure == 0 || figure >= minCellSize) ? figure : Double.NaN;
	}

}
