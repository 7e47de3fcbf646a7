package dev.checkpoint.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
	 * Separates list items inside one array element; removed from the values themselves.
	 */
	static final char LIST_SEPARATOR = '\u001f';

	private static final String INSERT = """
			with input as (
			  select * from unnest(?::text[], ?::text[], ?::int4[], ?::int2[], ?::text[], ?::text[], ?::text[],
			    ?::text[], ?::uuid[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[],
			    ?::text[], ?::text[])
			    as t(received_at, last_seen_at, hits, kind, product, version, os, arch, signature, ci, client_event_id,
			      previous_client_event_id, project_hash, cli_path_hash, command, information, ci_name,
			      cli_install_type, node_version, schema_providers, schema_preview_features,
			      schema_generators_providers, checkpoint_version, check_if_update_available, user_agent,
			      client_timestamp, details)
			), written as (
			  insert into pings as p (received_at, last_seen_at, hits, kind, product, version, os, arch, signature, ci,
			    client_event_id, previous_client_event_id, project_hash, cli_path_hash, command, information, ci_name,
			    cli_install_type, node_version, schema_providers, schema_preview_features,
			    schema_generators_providers, checkpoint_version, check_if_update_available, user_agent,
			    client_timestamp, details)
			  select received_at::timestamptz, last_seen_at::timestamptz, hits, kind, product, version, os, arch,
			    signature, ci, client_event_id, previous_client_event_id, project_hash, cli_path_hash, command,
			    information, ci_name, cli_install_type, node_version, string_to_array(schema_providers, chr(31)),
			    string_to_array(schema_preview_features, chr(31)), string_to_array(schema_generators_providers, chr(31)),
			    checkpoint_version, check_if_update_available, user_agent, client_timestamp::timestamptz, details::jsonb
			  from input
			  on conflict (signature, received_at, product, kind) do update
			    set hits = p.hits + excluded.hits
			        - case when excluded.client_event_id = p.client_event_id then 1 else 0 end,
			      last_seen_at = greatest(p.last_seen_at, excluded.last_seen_at),
			      ci = case when p.ci is not distinct from excluded.ci then p.ci else false end,
			      version = excluded.version, os = excluded.os, arch = excluded.arch,
			      client_event_id = excluded.client_event_id, previous_client_event_id = excluded.previous_client_event_id,
			      project_hash = excluded.project_hash, cli_path_hash = excluded.cli_path_hash,
			      command = excluded.command, information = excluded.information, ci_name = excluded.ci_name,
			      cli_install_type = excluded.cli_install_type, node_version = excluded.node_version,
			      schema_providers = excluded.schema_providers, schema_preview_features = excluded.schema_preview_features,
			      schema_generators_providers = excluded.schema_generators_providers,
			      checkpoint_version = excluded.checkpoint_version,
			      check_if_update_available = excluded.check_if_update_available, user_agent = excluded.user_agent,
			      client_timestamp = excluded.client_timestamp, details = excluded.details
			  returning product, received_at, signature, ci, hits
			), actives as (
			  insert into monthly_actives as m (product, month, signature, days, non_ci)
			  select product, date_trunc('month', received_at at time zone 'UTC')::date, signature,
			    bit_or(1 << (extract(day from received_at at time zone 'UTC')::int - 1)), bool_or(ci is not true)
			  from written where signature is not null
			  group by 1, 2, 3 order by 1, 2, 3
			  on conflict (product, month, signature) do update
			    set days = m.days | excluded.days, non_ci = m.non_ci or excluded.non_ci
			    where m.days | excluded.days <> m.days or (excluded.non_ci and not m.non_ci)
			)
			insert into monthly_anonymous as a (product, month, pings)
			select product, date_trunc('month', received_at at time zone 'UTC')::date, sum(hits)
			from written where signature is null
			group by 1, 2 order by 1, 2
			on conflict (product, month) do update set pings = a.pings + excluded.pings
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final PingFoldProperties fold;

	PingStore(JdbcTemplate jdbc, TransactionTemplate transactions, PingFoldProperties fold) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.fold = fold;
	}

	/** Stores the pings and their rollup in one transaction. */
	void store(List<Ping> pings) {
		List<Row> rows = fold(pings);
		this.transactions.executeWithoutResult((status) -> this.jdbc.execute(INSERT, (PreparedStatement statement) -> {
			bind(statement, rows);
			statement.execute();
			return null;
		}));
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

	private static void bind(PreparedStatement statement, List<Row> rows) throws SQLException {
		Connection connection = statement.getConnection();
		Columns columns = new Columns(connection, statement, rows);
		columns.text((r) -> r.windowStart().toString());
		columns.text((r) -> r.lastSeen().toString());
		columns.add("int4", Row::hits);
		columns.add("int2", (r) -> r.ping().kind().code);
		columns.ping(Ping::product);
		columns.ping(Ping::version);
		columns.ping(Ping::os);
		columns.ping(Ping::arch);
		columns.add("uuid", (r) -> r.ping().signature());
		columns.add("bool", Row::ci);
		columns.ping(Ping::clientEventId);
		columns.ping(Ping::previousClientEventId);
		columns.ping(Ping::projectHash);
		columns.ping(Ping::cliPathHash);
		columns.ping(Ping::command);
		columns.ping(Ping::information);
		columns.ping(Ping::ciName);
		columns.ping(Ping::cliInstallType);
		columns.ping(Ping::nodeVersion);
		columns.ping((p) -> joined(p.schemaProviders()));
		columns.ping((p) -> joined(p.schemaPreviewFeatures()));
		columns.ping((p) -> joined(p.schemaGeneratorsProviders()));
		columns.ping(Ping::checkpointVersion);
		columns.add("bool", (r) -> r.ping().checkIfUpdateAvailable());
		columns.ping(Ping::userAgent);
		columns.ping((p) -> Objects.toString(p.clientTimestamp(), null));
		columns.ping(Ping::details);
	}

	private static @Nullable String joined(List<String> values) {
		return values.isEmpty() ? null : String.join(String.valueOf(LIST_SEPARATOR), values);
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
	 * and whether all of its pings were in CI ({@code null} when none said).
	 */
	record Row(Ping ping, Instant windowStart, Instant lastSeen, int hits, @Nullable Boolean ci, Set<String> eventIds) {

		static Row of(Ping ping, Instant windowStart) {
			Set<String> ids = (ping.clientEventId() != null) ? Set.of(ping.clientEventId()) : Set.of();
			return new Row(ping, windowStart, ping.receivedAt(), 1, ping.ci(), ids);
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
					this.hits + (repeated ? 0 : 1), Objects.equals(this.ci, next.ci()) ? this.ci : Boolean.FALSE, ids);
		}

	}

	/** Binds one array parameter per column, in order. */
	private static final class Columns {

		private final Connection connection;

		private final PreparedStatement statement;

		private final List<Row> rows;

		private int index = 1;

		Columns(Connection connection, PreparedStatement statement, List<Row> rows) {
			this.connection = connection;
			this.statement = statement;
			this.rows = rows;
		}

		void text(Function<Row, @Nullable String> column) throws SQLException {
			add("text", column);
		}

		void ping(Function<Ping, @Nullable String> column) throws SQLException {
			add("text", (row) -> column.apply(row.ping()));
		}

		void add(String type, Function<Row, ? extends @Nullable Object> column) throws SQLException {
			Object[] values = new Object[this.rows.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = column.apply(this.rows.get(i));
			}
			Array array = this.connection.createArrayOf(type, values);
			this.statement.setArray(this.index++, array);
		}

	}

}
