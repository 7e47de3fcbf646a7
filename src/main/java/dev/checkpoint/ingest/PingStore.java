package dev.checkpoint.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of pings and the monthly-active rollup in one statement and one commit.
 * Pings from one signature for one product inside a fold window are folded first within
 * the batch, then into the row already stored for that window (its hit counter grows; the
 * descriptive values become the latest ping's). The rows go in through {@code unnest} of
 * column arrays, and the rollup is updated from the rows written.
 */
@Component
class PingStore {

	/**
	 * The columns written, in order: the one list that both the statement and its
	 * parameters come from. Each is bound as one array of its bind type, read from the
	 * row, cast to its column type where the two differ, and on a fold either kept (the
	 * key), replaced by the latest ping's value, or merged by its own expression.
	 */
	static final List<Column> COLUMNS = List.of(
			Column.key("received_at", "text", "timestamptz", (r) -> r.windowStart().toString()),
			Column.merged("last_seen_at", "text", "timestamptz", (r) -> r.lastSeen().toString(),
					"greatest(p.last_seen_at, excluded.last_seen_at)"),
			Column.merged("hits", "int4", "int4", Row::hits,
					"p.hits + excluded.hits - case when excluded.client_event_id = p.client_event_id then 1 else 0 end"),
			Column.key("kind", "int2", "int2", (r) -> r.ping().kind().code),
			Column.key("product_id", "int4", "int4", Row::productId),
			Column.key("signature", "uuid", "uuid", (r) -> r.ping().signature()),
			new Column("shape_id", "int4", "int4", Row::shapeId, Fold.LATEST),
			Column.merged("ci", "bool", "boolean", Row::ci,
					"case when p.ci is not distinct from excluded.ci then p.ci else false end"),
			Column.latest("client_event_id", Ping::clientEventId),
			Column.latest("previous_client_event_id", Ping::previousClientEventId),
			Column.latest("project_hash", Ping::projectHash), Column.latest("cli_path_hash", Ping::cliPathHash),
			Column.latest("command", Ping::command), Column.latest("information", Ping::information),
			new Column("check_if_update_available", "bool", "boolean", (r) -> r.ping().checkIfUpdateAvailable(),
					Fold.LATEST),
			new Column("client_timestamp", "text", "timestamptz",
					(r) -> Objects.toString(r.ping().clientTimestamp(), null), Fold.LATEST),
			new Column("details", "text", "jsonb", (r) -> r.ping().details(), Fold.LATEST));

	/**
	 * Marks the late pings' days (the first {@link #LATE_PARAMETERS} parameters: products
	 * and days), writes the folded rows through {@code unnest} of one array per column,
	 * folds them into the rows already stored for their window, and updates the monthly
	 * rollups from the rows written, in one statement.
	 */
	static final String INSERT = """
			with late as (
			  insert into ping_late_days (product, day)
			  select * from unnest(?::text[], ?::date[]) as l(product, day) order by 1, 2 on conflict do nothing
			), input as (
			  select * from unnest(%s)
			    as t(%s)
			), written as (
			  insert into pings as p (%s)
			  select %s
			  from input
			  on conflict (signature, received_at, product_id, kind) do update
			    set %s
			  returning product_id, received_at, signature, ci, hits
			), named as (
			  select n.name as product, w.received_at, w.signature, w.ci, w.hits
			  from written w join ping_products n on n.id = w.product_id
			), actives as (
			  insert into monthly_actives as m (product, month, signature, days, non_ci)
			  select product, date_trunc('month', received_at at time zone 'UTC')::date, signature,
			    bit_or(1 << (extract(day from received_at at time zone 'UTC')::int - 1)), bool_or(ci is not true)
			  from named where signature is not null
			  group by 1, 2, 3 order by 1, 2, 3
			  on conflict (product, month, signature) do update
			    set days = m.days | excluded.days, non_ci = m.non_ci or excluded.non_ci
			    where m.days | excluded.days <> m.days or (excluded.non_ci and not m.non_ci)
			)
			insert into monthly_anonymous as a (product, month, pings)
			select product, date_trunc('month', received_at at time zone 'UTC')::date, sum(hits)
			from named where signature is null
			group by 1, 2 order by 1, 2
			on conflict (product, month) do update set pings = a.pings + excluded.pings
			""".formatted(join(Column::parameter), join(Column::name), join(Column::name), join(Column::select),
			COLUMNS.stream()
				.filter((column) -> column.fold() != Fold.KEY)
				.map(Column::update)
				.collect(Collectors.joining(",\n        ")));

	/** The parameters before the columns' arrays: the late days' products and days. */
	static final int LATE_PARAMETERS = 2;

	private final PingFoldProperties fold;

	private final PingShapes shapes;

	private final PingProducts products;

	private final Clock clock;

	PingStore(PingFoldProperties fold, PingShapes shapes, PingProducts products, Clock clock) {
		this.fold = fold;
		this.shapes = shapes;
		this.products = products;
		this.clock = clock;
	}

	/**
	 * Stores the pings and their rollup in one statement, in the caller's transaction
	 * when there is one ({@code jdbc} must take part in it). Pings that arrived more than
	 * {@link PingTables#LATE_AFTER} ago also mark their days in
	 * {@link PingTables#PING_LATE_DAYS} in that statement, so that a day is never
	 * computed from its late pings' marks without them. Values new to the dictionaries
	 * are added before it; without a transaction they commit on their own, first, so a
	 * stored ping's ids always exist, and a failure of the statement leaves only those
	 * values (which no ping needs), never part of a batch.
	 */
	void store(JdbcClient jdbc, List<Ping> pings) {
		List<Row> folded = fold(pings);
		int[] productIds = this.products.ids(jdbc, folded.stream().map((row) -> row.ping().product()).toList());
		int[] shapeIds = this.shapes.ids(jdbc, folded.stream().map((row) -> PingShape.of(row.ping())).toList());
		List<Row> rows = new ArrayList<>(folded.size());
		for (int i = 0; i < shapeIds.length; i++) {
			rows.add(folded.get(i).withIds(productIds[i], shapeIds[i]));
		}
		List<SqlArrayValue> parameters = new ArrayList<>(LATE_PARAMETERS + COLUMNS.size());
		lateDays(pings, parameters);
		for (Column column : COLUMNS) {
			Object[] values = new Object[rows.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = column.value().apply(rows.get(i));
			}
			parameters.add(new SqlArrayValue(column.bindType(), values));
		}
		jdbc.sql(INSERT).params(parameters).update();
	}

	/**
	 * Adds the products and days of the pings received more than
	 * {@link PingTables#LATE_AFTER} ago, as the statement's first two parameters.
	 */
	private void lateDays(List<Ping> pings, List<SqlArrayValue> parameters) {
		Instant late = this.clock.instant().minus(PingTables.LATE_AFTER);
		Set<ProductDay> days = new LinkedHashSet<>();
		for (Ping ping : pings) {
			if (ping.receivedAt().isBefore(late)) {
				days.add(new ProductDay(ping.product(), LocalDate.ofInstant(ping.receivedAt(), ZoneOffset.UTC)));
			}
		}
		parameters.add(new SqlArrayValue("text", days.stream().map(ProductDay::product).toArray()));
		parameters.add(new SqlArrayValue("date", days.stream().map((day) -> day.day().toString()).toArray()));
	}

	private record ProductDay(String product, LocalDate day) {
	}

	/**
	 * Folds the pings of one signature, product, kind and window into one row, in order:
	 * the latest ping gives the values. Pings without a signature stay one row each. With
	 * folding off, only pings of one signature at the very same instant share a row.
	 */
	List<Row> fold(List<Ping> pings) {
		Map<Object, Row> rows = new LinkedHashMap<>();
		for (Ping ping : pings) {
			UUID signature = ping.signature();
			if (signature == null) {
				rows.put(new Object(), Row.of(ping, ping.receivedAt()));
				continue;
			}
			Instant window = this.fold.enabled() ? this.fold.windowStart(ping.receivedAt()) : ping.receivedAt();
			rows.merge(new FoldKey(signature, window, ping.product(), ping.kind()), Row.of(ping, window), Row::plus);
		}
		List<Row> sorted = new ArrayList<>(rows.values());
		sorted.sort(WRITE_ORDER);
		return sorted;
	}

	private static String join(Function<Column, String> part) {
		return COLUMNS.stream().map(part).collect(Collectors.joining(", "));
	}

	/**
	 * Rows are written in key order, so that concurrent writers (several writer threads
	 * or instances) lock the same rows in the same order and never deadlock.
	 */
	private static final Comparator<Row> WRITE_ORDER = Comparator
		.comparing((Row row) -> row.ping().signature(), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Row::windowStart)
		.thenComparing((row) -> row.ping().product())
		.thenComparing((row) -> row.ping().kind());

	private record FoldKey(UUID signature, Instant window, String product, Ping.Kind kind) {
	}

	/**
	 * One row to write: the latest ping of its fold group, the group's window start, the
	 * time of its latest ping, its ping count (a repeated client event id counts once),
	 * whether all of its pings were in CI ({@code null} when none said), and the ids of
	 * its product's name and of the latest ping's {@link PingShape shape} (0 until
	 * known).
	 */
	record Row(Ping ping, Instant windowStart, Instant lastSeen, int hits, @Nullable Boolean ci, Set<String> eventIds,
			int productId, int shapeId) {

		static Row of(Ping ping, Instant windowStart) {
			Set<String> ids = (ping.clientEventId() != null) ? Set.of(ping.clientEventId()) : Set.of();
			return new Row(ping, windowStart, ping.receivedAt(), 1, ping.ci(), ids, 0, 0);
		}

		Row withIds(int productId, int shapeId) {
			return new Row(this.ping, this.windowStart, this.lastSeen, this.hits, this.ci, this.eventIds, productId,
					shapeId);
		}

		Row plus(Row next) {
			String id = next.ping().clientEventId();
			boolean repeated = id != null && this.eventIds.contains(id);
			Set<String> ids = this.eventIds;
			if (id != null && !repeated) {
				ids = new HashSet<>(this.eventIds);
				ids.add(id);
			}
			boolean later = !next.lastSeen().isBefore(this.lastSeen);
			return new Row(later ? next.ping() : this.ping, this.windowStart, later ? next.lastSeen() : this.lastSeen,
					this.hits + (repeated ? 0 : 1), Objects.equals(this.ci, next.ci()) ? this.ci : Boolean.FALSE, ids,
					0, 0);
		}

	}

	/** How a column is written when a ping folds into a stored row. */
	enum Fold {

		/** Part of the fold key: never updated. */
		KEY,
		/** The latest ping's value. */
		LATEST,
		/** Its own expression over the stored row {@code p} and {@code excluded}. */
		MERGED

	}

	/**
	 * One written column: its name, the element type of its array parameter, its column
	 * type, its value for a row, and how it folds ({@code merge} is the expression of a
	 * {@link Fold#MERGED} column).
	 */
	record Column(String name, String bindType, String type, Function<Row, ? extends @Nullable Object> value, Fold fold,
			@Nullable String merge) {

		Column(String name, String bindType, String type, Function<Row, ? extends @Nullable Object> value, Fold fold) {
			this(name, bindType, type, value, fold, null);
		}

		static Column key(String name, String bindType, String type, Function<Row, ? extends @Nullable Object> value) {
			return new Column(name, bindType, type, value, Fold.KEY);
		}

		static Column latest(String name, Function<Ping, @Nullable String> value) {
			return new Column(name, "text", "text", (row) -> value.apply(row.ping()), Fold.LATEST);
		}

		static Column merged(String name, String bindType, String type, Function<Row, ? extends @Nullable Object> value,
				String merge) {
			return new Column(name, bindType, type, value, Fold.MERGED, merge);
		}

		String parameter() {
			return "?::" + this.bindType + "[]";
		}

		String select() {
			return this.type.equals(this.bindType) ? this.name : this.name + "::" + this.type;
		}

		String update() {
			return this.name + " = " + ((this.fold == Fold.MERGED) ? this.merge : "excluded." + this.name);
		}

	}

}
