package dev.checkpoint.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.checkpoint.catalog.NoticeAudience;
import dev.checkpoint.catalog.NoticeAudiences;
import dev.checkpoint.catalog.NoticeTables;
import dev.checkpoint.ingest.PingTables;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts, for one UTC day and each notice live that day, the developers exposed to it
 * ({@code notice_exposure_days}): active on a version (and os, arch) it applies to, of
 * those how many had been sent it, and how many of the developers ever exposed to it have
 * moved on to a version it does not apply to. Which stored values a notice applies to is
 * decided by the catalogue ({@link NoticeAudience#appliesTo}, as for a check) once per
 * distinct value set of the day ({@code ping_shapes}), so the SQL compares shape ids
 * only. Every developer seen exposed is kept per notice
 * ({@code notice_exposed_developers}: last seen affected, last seen unaffected); a day
 * computed again only moves those times forward, so the order days are computed in does
 * not matter.
 */
@Component
class NoticeExposureCalculator {

	/**
	 * The day's developers of the products with live notices, with the latest ping per
	 * shape and the shape's values (one pass over the day's pings serves every notice).
	 */
	private static final StagedRead DAY_DEVELOPERS = new StagedRead("notice_day_developers", """
			select product, signature, shape_id, version, os, arch, max(coalesce(last_seen_at, received_at)) as seen_at
			from %s
			where received_at >= :from and received_at < :to and signature is not null and product = any(:products)
			group by product, signature, shape_id, version, os, arch
			""".formatted(PingTables.PING_DETAILS.sqlName()));

	/** The shapes of the day's developers. */
	private static final String SHAPES = """
			select distinct product, shape_id, version, os, arch from notice_day_developers
			""";

	/** The day's developers of the notice's product on an affected shape. */
	private static final String EXPOSED = """
			insert into notice_exposed_developers as e (notice_id, signature, last_affected_at, last_unaffected_at)
			select :notice, signature, max(seen_at) filter (where shape_id = any(:affected)),
			  max(seen_at) filter (where not shape_id = any(:affected))
			from notice_day_developers where product = :product
			group by signature having bool_or(shape_id = any(:affected))
			on conflict (notice_id, signature) do update set
			  last_affected_at = greatest(e.last_affected_at, excluded.last_affected_at),
			  last_unaffected_at = greatest(e.last_unaffected_at, excluded.last_unaffected_at)
			""";

	/** The day's developers seen exposed before and only unaffected that day. */
	private static final String UNAFFECTED = """
			update notice_exposed_developers as e set last_unaffected_at = greatest(e.last_unaffected_at, d.seen_at)
			from (
			  select signature, max(seen_at) as seen_at from notice_day_developers where product = :product
			  group by signature having not bool_or(shape_id = any(:affected))
			) as d
			where e.notice_id = :notice and e.signature = d.signature
			""";

	/**
	 * The day's figures. A day computed again keeps the developers moved on it counted
	 * when later days were computed: the kept times are the latest ones, not the day's.
	 */
	private static final String DAY = """
			with exposed as (
			  select distinct signature from notice_day_developers
			  where product = :product and shape_id = any(:affected)
			)
			insert into notice_exposure_days as x (notice_id, day, exposed, shown, moved)
			select :notice, :day, (select count(*) from exposed),
			  (select count(*) from exposed as e where exists (select 1 from %s as d
			    where d.notice_id = :notice and d.signature = e.signature and d.delivered_at < :to)),
			  (select count(*) from notice_exposed_developers
			    where notice_id = :notice and last_unaffected_at > last_affected_at)
			on conflict (notice_id, day) do update set exposed = excluded.exposed, shown = excluded.shown,
			  moved = case when exists (select 1 from notice_exposure_days as l where l.notice_id = :notice and l.day > :day)
			    then x.moved else excluded.moved end
			"""
		.formatted(NoticeTables.NOTICE_DELIVERIES.sqlName());

	private final JdbcClient jdbc;

	private final NoticeAudiences audiences;

	private final ApplicationEventPublisher events;

	private final JobReads reads;

	NoticeExposureCalculator(JdbcClient jdbc, NoticeAudiences audiences, ApplicationEventPublisher events,
			JobReads reads) {
		this.reads = reads;
		this.events = events;
		this.jdbc = jdbc;
		this.audiences = audiences;
	}

	/**
	 * Computes the day's exposure of every notice live during it (zeros when its product
	 * had no pings), in the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void compute(LocalDate day, OffsetDateTime from, OffsetDateTime to) {
		List<NoticeAudience> live = this.audiences.all()
			.stream()
			.filter((notice) -> notice.isLiveBetween(from.toInstant(), to.toInstant()))
			.toList();
		if (live.isEmpty()) {
			return;
		}
		String[] names = live.stream().map(NoticeAudience::product).distinct().toArray(String[]::new);
		this.reads.stage(DAY_DEVELOPERS, Map.of("from", from, "to", to, "products", names));
		Map<String, List<Shape>> shapes = new HashMap<>();
		this.jdbc.sql(SHAPES).query((rs) -> {
			shapes.computeIfAbsent(rs.getString("product"), (product) -> new ArrayList<>())
				.add(new Shape(rs.getInt("shape_id"), rs.getString("version"), rs.getString("os"),
						rs.getString("arch")));
		});
		for (NoticeAudience notice : live) {
			Object[] affected = shapes.getOrDefault(notice.product(), List.of())
				.stream()
				.filter((shape) -> notice.appliesTo(shape.version(), shape.os(), shape.arch()))
				.map(Shape::id)
				.toArray();
			SqlArrayValue ids = new SqlArrayValue("int4", affected);
			this.jdbc.sql(EXPOSED)
				.param("notice", notice.id())
				.param("product", notice.product())
				.param("affected", ids)
				.update();
			this.jdbc.sql(UNAFFECTED)
				.param("notice", notice.id())
				.param("product", notice.product())
				.param("affected", ids)
				.update();
			this.jdbc.sql(DAY)
				.param("notice", notice.id())
				.param("product", notice.product())
				.param("affected", ids)
				.param("day", day)
				.param("to", to)
				.update();
			Map<LocalDate, Long> figures = new HashMap<>();
			this.jdbc.sql("select day, exposed from notice_exposure_days where notice_id = :notice and day in (:days)")
				.param("notice", notice.id())
				.param("days", List.of(day, day.minusDays(1)))
				.query((rs) -> {
					figures.put(rs.getObject("day", LocalDate.class), rs.getLong("exposed"));
				});
			this.events.publishEvent(new NoticeExposureComputed(notice.id(), notice.product(), notice.alert().message(),
					notice.createdAt(), day, figures.getOrDefault(day, 0L), figures.get(day.minusDays(1))));
		}
	}

	/** One distinct set of stored values. */
	private record Shape(int id, String version, String os, String arch) {
	}

}
