package dev.checkpoint.catalog;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** The SQL of {@code release_rollouts}: one rollout per release at most. */
@Component
class RolloutStore {

	private final JdbcClient jdbc;

	RolloutStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The release's rollout; with {@code lock}, locked until the caller's transaction
	 * ends, so that two changes of one rollout do not both start from the same state.
	 */
	Optional<Rollout> find(long releaseId, boolean lock) {
		return this.jdbc.sql("""
				select percents, stage_times, state, paused_at, paused_percent from release_rollouts
				where release_id = ?""" + (lock ? " for update" : ""))
			.param(releaseId)
			.query((rs, row) -> rollout(rs))
			.optional();
	}

	/** Stores the release's rollout (replacing the one it had). */
	void save(long releaseId, Rollout rollout, Instant now) {
		this.jdbc.sql("""
				insert into release_rollouts (release_id, percents, stage_times, state, paused_at, paused_percent,
				  updated_at, stages_told_up_to)
				values (:release, :percents, :times, :state, :pausedAt, :pausedPercent, :now, :now)
				on conflict (release_id) do update set percents = excluded.percents,
				  stage_times = excluded.stage_times, state = excluded.state, paused_at = excluded.paused_at,
				  paused_percent = excluded.paused_percent, updated_at = excluded.updated_at,
				  stages_told_up_to = excluded.stages_told_up_to""")
			.param("release", releaseId)
			.param("percents",
					new SqlArrayValue("numeric",
							rollout.stages().stream().map((stage) -> BigDecimal.valueOf(stage.percent())).toArray()))
			.param("times",
					new SqlArrayValue("timestamptz",
							rollout.stages().stream().map((stage) -> Timestamp.from(stage.at())).toArray()))
			.param("state", rollout.state().key())
			.param("pausedAt", (rollout.pausedAt() != null) ? Timestamp.from(rollout.pausedAt()) : null)
			.param("pausedPercent", rollout.pausedPercent())
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * The active rollouts with a scheduled stage that started after the last announcement
	 * and by {@code now}, locked (others skip them) and marked announced up to
	 * {@code now} in the caller's transaction.
	 */
	List<StageStarted> takeStartedStages(Instant now) {
		List<StageStarted> started = this.jdbc
			.sql("""
					select o.release_id, p.name as product, r.version, o.percents, o.stage_times, o.state, o.paused_at,
					  o.paused_percent
					from release_rollouts as o join releases as r on r.id = o.release_id
					join products as p on p.id = r.product_id
					where o.state = 'active' and r.retired_at is null and exists (
					  select 1 from unnest(o.stage_times) as t where t > coalesce(o.stages_told_up_to, o.updated_at) and t <= :now)
					for update of o skip locked""")
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new StageStarted(rs.getLong("release_id"), rs.getString("product"),
					rs.getString("version"), rollout(rs)))
			.list();
		for (StageStarted stage : started) {
			this.jdbc.sql("update release_rollouts set stages_told_up_to = ? where release_id = ?")
				.params(Timestamp.from(now), stage.releaseId())
				.update();
		}
		return started;
	}

	/** A rollout whose scheduled stage started. */
	record StageStarted(long releaseId, String product, String version, Rollout rollout) {
	}

	/** A rollout from the columns {@code percents ... paused_percent} of a row. */
	static Rollout rollout(ResultSet rs) throws SQLException {
		Object[] percents = (Object[]) array(rs.getArray("percents"));
		Object[] times = (Object[]) array(rs.getArray("stage_times"));
		List<Rollout.Stage> stages = new ArrayList<>();
		for (int i = 0; i < percents.length; i++) {
			stages.add(new Rollout.Stage(((BigDecimal) percents[i]).doubleValue(), ((Timestamp) times[i]).toInstant()));
		}
		Timestamp pausedAt = rs.getTimestamp("paused_at");
		BigDecimal pausedPercent = rs.getBigDecimal("paused_percent");
		return new Rollout(List.copyOf(stages), Rollout.State.of(rs.getString("state")),
				(pausedAt != null) ? pausedAt.toInstant() : null,
				(pausedPercent != null) ? pausedPercent.doubleValue() : null);
	}

	private static Object array(Array array) throws SQLException {
		return array.getArray();
	}

}
