package dev.checkpoint.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The dictionary of {@link PingShape ping shapes}, {@code ping_shapes}: a shape is found
 * by the digest of its values, which the database computes ({@code ping_shape_digest}). A
 * list is stored as one text, its items separated by {@link #LIST_SEPARATOR}.
 */
@Component
class PingShapes extends Dictionary<PingShape> {

	/**
	 * Separates list items inside one array element; removed from the values themselves.
	 */
	static final char LIST_SEPARATOR = '\u001f';

	/** How many shapes are kept in memory. */
	static final int CACHED = 10_000;

	/** The values of a shape, in the order of the {@code ping_shapes} columns. */
	private static final List<Value> VALUES = List.of(new Value("version", PingShape::version),
			new Value("os", PingShape::os), new Value("arch", PingShape::arch), new Value("ci_name", PingShape::ciName),
			new Value("cli_install_type", PingShape::cliInstallType), new Value("node_version", PingShape::nodeVersion),
			Value.list("schema_providers", PingShape::schemaProviders),
			Value.list("schema_preview_features", PingShape::schemaPreviewFeatures),
			Value.list("schema_generators_providers", PingShape::schemaGeneratorsProviders),
			new Value("checkpoint_version", PingShape::checkpointVersion),
			new Value("user_agent", PingShape::userAgent));

	private static final String WANTED = "unnest(%s) with ordinality as t(%s, i)"
		.formatted(VALUES.stream().map((value) -> "?::text[]").collect(Collectors.joining(", ")), names());

	/** Adds the shapes not stored yet, in digest order. */
	static final String ADD = """
			insert into ping_shapes (digest, %1$s)
			select distinct on (digest) ping_shape_digest(%1$s) as digest, %1$s
			from %2$s
			order by digest
			on conflict (digest) do nothing""".formatted(names(), WANTED);

	/** The id of each wanted shape, by its position in the parameters. */
	static final String FIND = """
			select t.i, s.id from %s
			join ping_shapes s on s.digest = ping_shape_digest(%s)""".formatted(WANTED,
			VALUES.stream().map((value) -> "t." + value.name()).collect(Collectors.joining(", ")));

	PingShapes() {
		super(ADD, FIND, CACHED);
	}

	@Override
	List<SqlArrayValue> parameters(List<PingShape> shapes) {
		List<SqlArrayValue> parameters = new ArrayList<>(VALUES.size());
		for (Value value : VALUES) {
			Object[] values = new Object[shapes.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = value.value().apply(shapes.get(i));
			}
			parameters.add(new SqlArrayValue("text", values));
		}
		return parameters;
	}

	private static @Nullable String joined(List<String> items) {
		return items.isEmpty() ? null : String.join(String.valueOf(LIST_SEPARATOR), items);
	}

	private static String names() {
		return VALUES.stream().map(Value::name).collect(Collectors.joining(", "));
	}

	/**
	 * One value of a shape, stored as text; a list is stored as one text with its items
	 * separated by {@link #LIST_SEPARATOR} ({@code ping_details} shows it as an array).
	 */
	private record Value(String name, Function<PingShape, @Nullable String> value) {

		static Value list(String name, Function<PingShape, List<String>> items) {
			return new Value(name, (shape) -> joined(items.apply(shape)));
		}

	}

}
