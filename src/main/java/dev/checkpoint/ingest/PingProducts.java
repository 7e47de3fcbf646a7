package dev.checkpoint.ingest;

import java.util.List;

import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The dictionary of the product names pings were stored for, {@code ping_products} (known
 * to the catalogue or not).
 */
@Component
class PingProducts extends Dictionary<String> {

	/** How many names are kept in memory. */
	static final int CACHED = 1_000;

	static final String ADD = """
			insert into ping_products (name)
			select distinct name from unnest(?::text[]) as t(name)
			order by name
			on conflict (name) do nothing""";

	static final String FIND = """
			select t.i, p.id from unnest(?::text[]) with ordinality as t(name, i)
			join ping_products p on p.name = t.name""";

	PingProducts() {
		super(ADD, FIND, CACHED);
	}

	@Override
	List<SqlArrayValue> parameters(List<String> names) {
		return List.of(new SqlArrayValue("text", names.toArray()));
	}

}
