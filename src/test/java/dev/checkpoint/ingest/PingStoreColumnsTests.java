package dev.checkpoint.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.ingest.PingStore.Column;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ping statement and its parameters come from one column list: they agree with each
 * other and with the {@code pings} table, and no column of the table is left unwritten.
 */
@CheckpointIntegrationTest
class PingStoreColumnsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldBindOneArrayParameterPerColumnInTheStatement() {
		long placeholders = PingStore.INSERT.chars().filter((c) -> c == '?').count();
		assertThat(placeholders).isEqualTo(PingStore.LATE_PARAMETERS + PingStore.COLUMNS.size());
		List<String> names = PingStore.COLUMNS.stream().map(Column::name).toList();
		String list = String.join(", ", names);
		assertThat(PingStore.INSERT).contains("as t(" + list + ")").contains("insert into pings as p (" + list + ")");
		assertThat(names).doesNotHaveDuplicates();
	}

	@Test
	void shouldWriteEveryColumnOfThePingsTableWithItsType() {
		Map<String, String> table = new LinkedHashMap<>();
		this.jdbc.sql("""
				select a.attname, format_type(a.atttypid, null) from pg_attribute a
				where a.attrelid = 'pings'::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum""")
			.query((row, n) -> table.put(row.getString(1), row.getString(2)))
			.list();
		Map<String, String> written = new LinkedHashMap<>();
		for (Column column : PingStore.COLUMNS) {
			written.put(column.name(),
					this.jdbc.sql("select format_type(to_regtype(?), null)")
						.param(column.type())
						.query(String.class)
						.single());
			assertThat(this.jdbc.sql("select to_regtype(?) is not null")
				.param(column.bindType())
				.query(Boolean.class)
				.single()).as("bind type of %s", column.name()).isTrue();
		}
		assertThat(written).containsExactlyInAnyOrderEntriesOf(table);
	}

	@Test
	void shouldKeepTheFoldKeyAndUpdateEveryOtherColumnOnConflict() {
		List<String> keys = PingStore.COLUMNS.stream()
			.filter((column) -> column.fold() == PingStore.Fold.KEY)
			.map(Column::name)
			.toList();
		assertThat(keys).containsExactlyInAnyOrder("signature", "received_at", "product_id", "kind");
		assertThat(PingStore.INSERT).contains("on conflict (signature, received_at, product_id, kind) do update");
		for (Column column : PingStore.COLUMNS) {
			if (column.fold() != PingStore.Fold.KEY) {
				assertThat(PingStore.INSERT).as(column.name()).contains(column.name() + " = ");
			}
		}
	}

}
