package dev.checkpoint.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of pings and the monthly-active rollup in one statement and one commit:
 * the pings go in through {@code unnest} of column arrays, and the rollup is updated from
 * the rows that were actually inserted (a retried {@code client_event_id} counts once).
 */
@Component
class PingStore {

	/**
	 * Separates list items inside one array element; removed from the values themselves.
	 */
	static final char LIST_SEPARATOR = '\u001f';

	private static final String INSERT = """
			with input as (
			  select * from unnest(?::text[], ?::int2[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[],
			    ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[])
			    as t(received_at, kind, product, version, os, arch, signature, ci, client_event_id,
			      previous_client_event_id, project_hash, cli_path_hash, command, information, ci_name,
			      cli_install_type, node_version, schema_providers, schema_preview_features,
			      schema_generators_providers, checkpoint_version, check_if_update_available, user_agent,
			      client_timestamp, details)
			), inserted as (
			  insert into pings (received_at, kind, product, version, os, arch, signature, ci, client_event_id,
			    previous_client_event_id, project_hash, cli_path_hash, command, information, ci_name,
			    cli_install_type, node_version, schema_providers, schema_preview_features,
			    schema_generators_providers, checkpoint_version, check_if_update_available, user_agent,
			    client_timestamp, details)
			  select received_at::timestamptz, kind, product, version, os, arch, signature, ci, client_event_id,
			    previous_client_event_id, project_hash, cli_path_hash, command, information, ci_name,
			    cli_install_type, node_version, string_to_array(schema_providers, chr(31)),
			    string_to_array(schema_preview_features, chr(31)), string_to_array(schema_generators_providers, chr(31)),
			    checkpoint_version, check_if_update_available, user_agent, client_timestamp::timestamptz, details::jsonb
			  from input
			  on conflict do nothing
			  returning product, received_at, signature, ci
			), actives as (
			  insert into monthly_actives as m (product, month, signature, days, non_ci)
			  select product, date_trunc('month', received_at at time zone 'UTC')::date, signature,
			    bit_or(1 << (extract(day from received_at at time zone 'UTC')::int - 1)), bool_or(ci is not true)
			  from inserted where signature is not null
			  group by 1, 2, 3 order by 1, 2, 3
			  on conflict (product, month, signature) do update
			    set days = m.days | excluded.days, non_ci = m.non_ci or excluded.non_ci
			    where m.days | excluded.days <> m.days or (excluded.non_ci and not m.non_ci)
			)
			insert into monthly_anonymous as a (product, month, pings)
			select product, date_trunc('month', received_at at time zone 'UTC')::date, count(*)
			from inserted where signature is null
			group by 1, 2 order by 1, 2
			on conflict (product, month) do update set pings = a.pings + excluded.pings
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	PingStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Stores the pings and their rollup in one transaction. */
	void store(List<Ping> pings) {
		this.transactions.executeWithoutResult((status) -> this.jdbc.execute(INSERT, (PreparedStatement statement) -> {
			bind(statement, pings);
			statement.execute();
			return null;
		}));
	}

	private static void bind(PreparedStatement statement, List<Ping> pings) throws SQLException {
		Connection connection = statement.getConnection();
		Columns columns = new Columns(connection, statement, pings);
		columns.text((p) -> p.receivedAt().toString());
		columns.add("int2", (p) -> p.kind().code);
		columns.text(Ping::product);
		columns.text(Ping::version);
		columns.text(Ping::os);
		columns.text(Ping::arch);
		columns.add("uuid", Ping::signature);
		columns.add("bool", Ping::ci);
		columns.text(Ping::clientEventId);
		columns.text(Ping::previousClientEventId);
		columns.text(Ping::projectHash);
		columns.text(Ping::cliPathHash);
		columns.text(Ping::command);
		columns.text(Ping::information);
		columns.text(Ping::ciName);
		columns.text(Ping::cliInstallType);
		columns.text(Ping::nodeVersion);
		columns.text((p) -> joined(p.schemaProviders()));
		columns.text((p) -> joined(p.schemaPreviewFeatures()));
		columns.text((p) -> joined(p.schemaGeneratorsProviders()));
		columns.text(Ping::checkpointVersion);
		columns.add("bool", Ping::checkIfUpdateAvailable);
		columns.text(Ping::userAgent);
		columns.text((p) -> Objects.toString(p.clientTimestamp(), null));
		columns.text(Ping::details);
	}

	private static @Nullable String joined(List<String> values) {
		return values.isEmpty() ? null : String.join(String.valueOf(LIST_SEPARATOR), values);
	}

	/** Binds one array parameter per column, in order. */
	private static final class Columns {

		private final Connection connection;

		private final PreparedStatement statement;

		private final List<Ping> pings;

		private int index = 1;

		Columns(Connection connection, PreparedStatement statement, List<Ping> pings) {
			this.connection = connection;
			this.statement = statement;
			this.pings = pings;
		}

		void text(Function<Ping, @Nullable String> column) throws SQLException {
			add("text", column);
		}

		void add(String type, Function<Ping, ? extends @Nullable Object> column) throws SQLException {
			Object[] values = new Object[this.pings.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = column.apply(this.pings.get(i));
			}
			Array array = this.connection.createArrayOf(type, values);
			this.statement.setArray(this.index++, array);
		}

	}

}
