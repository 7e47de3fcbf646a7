package dev.checkpoint.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.checkpoint.reports.HeadlinesResponse.Day;
import dev.checkpoint.reports.HeadlinesResponse.Month;
import dev.checkpoint.reports.HeadlinesResponse.MonthToDate;
import dev.checkpoint.reports.HeadlinesResponse.NewDevelopers;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the headline figures from what the jobs stored: the current month's report, the
 * daily figures of the latest computed day and of the days it is compared with, the
 * month's cohort and the notice exposure. A few indexed reads; nothing is counted here.
 */
@Service
class HeadlinesService {

	private final ReportReads reads;

	private final DailyReportService daily;

	private final NoticeExposureService notices;

	HeadlinesService(ReportReads reads, DailyReportService daily, NoticeExposureService notices) {
		this.reads = reads;
		this.daily = daily;
		this.notices = notices;
	}

	HeadlinesResponse headlines(String product) {
		return this.reads.read((jdbc) -> {
			LocalDate settled = this.daily.lastSettledDay();
			Month month = jdbc.sql("""
					select month, developers, computed_at from mau_reports
					where product = :product and month = :month""")
				.param("product", product)
				.param("month", settled.plusDays(1).withDayOfMonth(1))
				.query((rs, row) -> new Month(YearMonth.from(rs.getObject("month", LocalDate.class)),
						rs.getLong("developers"), rs.getObject("computed_at", OffsetDateTime.class).toInstant()))
				.optional()
				.orElse(null);
			LocalDate latest = jdbc.sql("""
					select max(r.day) from daily_reports as r join daily_computed as c on c.day = r.day
					where r.product = :product""")
				.param("product", product)
				.query(LocalDate.class)
				.optional()
				.orElse(null);
			if (latest == null) {
				return new HeadlinesResponse(product, month, null, null, null, firstNotice(product));
			}
			LocalDate lastMonth = latest.minusMonths(1);
			LocalDate weekBefore = latest.minusDays(7);
			Map<LocalDate, Stored> days = new TreeMap<>();
			jdbc.sql("""
					select r.day, r.developers, r.developers_excluding_ci, r.weekly_developers, r.month_developers
					from daily_reports as r join daily_computed as c on c.day = r.day
					where r.product = :product and r.day in (:days)""")
				.param("product", product)
				.param("days", List.of(latest, lastMonth, weekBefore))
				.query((rs) -> {
					days.put(rs.getObject("day", LocalDate.class),
							new Stored(rs.getLong("developers"), rs.getLong("developers_excluding_ci"),
									rs.getLong("weekly_developers"), rs.getLong("month_developers")));
				});
			Stored today = days.get(latest);
			Stored before = days.get(lastMonth);
			Stored week = days.get(weekBefore);
			MonthToDate monthToDate = new MonthToDate(latest, today.monthDevelopers(), lastMonth,
					(before != null) ? before.monthDevelopers() : null, change(today.monthDevelopers(), before));
			Day day = new Day(latest, today.developers(), today.weeklyDevelopers(),
					DailyResponse.DayView.ciShare(today.developers(), today.excludingCi()),
					(week != null) ? week.developers() : null);
			YearMonth cohort = YearMonth.from(latest);
			NewDevelopers newDevelopers = jdbc
				.sql("""
						select developers from mau_cohorts where product = :product and cohort = :month and month = :month""")
				.param("product", product)
				.param("month", cohort.atDay(1))
				.query(Long.class)
				.optional()
				.map((developers) -> new NewDevelopers(cohort, developers))
				.orElse(null);
			return new HeadlinesResponse(product, month, monthToDate, day, newDevelopers, firstNotice(product));
		});
	}

	private NoticeExposureListResponse.@Nullable Entry firstNotice(String product) {
		return this.notices.live(product)
			.notices()
			.stream()
			.filter((entry) -> entry.latest() != null)
			.findFirst()
			.orElse(null);
	}

	private static @Nullable Double change(long developers, @Nullable Stored before) {
		return (before != null && before.monthDevelopers() > 0) ? (double) developers / before.monthDevelopers() - 1
				: null;
	}

	private record Stored(long developers, long excludingCi, long weeklyDevelopers, long monthDevelopers) {
	}

}
